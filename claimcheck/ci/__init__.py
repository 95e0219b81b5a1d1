"""CI-native output: JUnit XML, GitHub workflow annotations and SARIF, for ``eval`` and ``check``.

Each format has its own writer module that knows nothing of claimcheck's
records; :mod:`claimcheck.ci.reports` turns eval runs and check findings into them.
"""
