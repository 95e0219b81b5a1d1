"""claimcheck: every claim in a news text, with its source and hedging, checked like a standards editor would.

The public API is small: :func:`extract` (and :func:`aextract`,
:func:`extract_many`), :func:`check`, and the typed records they return.
"""

from claimcheck.api import Cache, aextract, extract, extract_many
from claimcheck.checks import Finding, check
from claimcheck.errors import BackendError, ClaimcheckError, ConfigError, InputError
from claimcheck.schema import Claim, DroppedClaim, Extraction, Hedge, Usage

__version__ = "0.1.0"

__all__ = [
    "BackendError",
    "Cache",
    "Claim",
    "ClaimcheckError",
    "ConfigError",
    "DroppedClaim",
    "Extraction",
    "Finding",
    "Hedge",
    "InputError",
    "Usage",
    "__version__",
    "aextract",
    "check",
    "extract",
    "extract_many",
]
