"""Where an archive run can execute besides this process: :mod:`claimcheck.engines.dask` (a Dask cluster).

The local engine is :func:`claimcheck.iter_extract`; an engine here runs the
same backends on the same documents and writes the same records.
"""
