"""Quote verification: a story's quotations checked against transcripts, releases and earlier stories."""

from claimcheck.verification.sources import Source, load_source
from claimcheck.verification.verify import STATUSES, DiffOp, Match, QuoteCheck, Sources, Verification, verify

__all__ = ["STATUSES", "DiffOp", "Match", "QuoteCheck", "Source", "Sources", "Verification", "load_source", "verify"]
