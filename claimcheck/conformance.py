"""Static proof that the concrete types satisfy the protocols they are passed as; mypy checks it, nothing imports it.

A protocol is matched by structure, so a backend or a claim record that drifts
from it fails only where it is used, if anywhere: these assignments make the
drift an error in ``mypy --strict`` (run by ``.ci/run``) at the type itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimcheck.backends.base import Backend
    from claimcheck.backends.llm.backend import LLMBackend
    from claimcheck.backends.rules.backend import RulesBackend
    from claimcheck.evaluation.scoring import ClaimLike
    from claimcheck.schema import Claim

    def _backends(rules: RulesBackend, llm: LLMBackend) -> tuple[Backend, Backend]:
        return rules, llm

    def _claim(claim: Claim) -> ClaimLike:
        return claim

    def _grounded_offsets(claim: Claim) -> tuple[int, int]:
        """After grounding a claim's offsets are ``int``: :attr:`Claim.span` is what code past grounding reads."""
        return claim.span
