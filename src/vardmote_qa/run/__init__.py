"""The run record: one folder per run under reports/runs/<run-id>/, described by manifest.json.

Manifest format (version 1), documented in docs/run-record.md:
  format, run_id, started_at, finished_at, platform_version,
  environment: {name, description, base_url, target_version, synthetic_data},
  parts: {<part name>: {status: complete | incomplete | missing, started_at, finished_at, detail, path}}
Parts are written by the steps of a run as they finish; a part never written is missing.
"""
