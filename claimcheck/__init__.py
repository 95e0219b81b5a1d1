"""claimcheck: every claim in a news text, with its source and hedging, checked like a standards editor would.

The public API is small: :func:`extract` (and :func:`aextract`,
:func:`extract_many`, :func:`iter_extract`), :func:`check`, :func:`verify`, and the typed records they return.
"""

from claimcheck.api import Cache, aextract, check, extract, extract_many, verify
from claimcheck.checks import Finding
from claimcheck.errors import BackendError, ClaimcheckError, ConfigError, InputError
from claimcheck.schema import Claim, DroppedClaim, Extraction, Hedge, Usage
from claimcheck.streaming import iter_extract
from claimcheck.verification import QuoteCheck, Verification

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
    "QuoteCheck",
    "Usage",
    "Verification",
    "__version__",
    "aextract",
    "check",
    "extract",
    "extract_many",
    "iter_extract",
    "verify",
]
