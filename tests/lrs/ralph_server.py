"""Ralph's LRS API under uvicorn, as `ralph runserver --backend fs` starts it, with two fixes to
Ralph 5.1.0's file-system LRS backend (its development backend; academies use ClickHouse or
Elasticsearch):

- it writes each POST with the data backend's default operation (CREATE), which refuses once its
  statements file exists, so only the first POST would ever be stored: here it appends;
- the API hands the `activity` (and `verb`) query parameter to it as Ralph's `IRI` model, which
  its filters compare with the statement's plain string, so they never match: here they get the
  string.

Everything else is Ralph's own: routing, basic auth, xAPI validation of every statement,
duplicate handling, queries and paging.
Usage: python -m tests.lrs.ralph_server PORT
"""

from __future__ import annotations

import sys

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND
_by_activity = FSLRSBackend._add_filter_by_activity
_by_verb = FSLRSBackend._add_filter_by_verb
FSLRSBackend._add_filter_by_activity = staticmethod(  # type: ignore[method-assign]
    lambda filters, object_id, related: _by_activity(filters, getattr(object_id, "root", object_id), related)
)
FSLRSBackend._add_filter_by_verb = staticmethod(  # type: ignore[method-assign]
    lambda filters, verb_id: _by_verb(filters, getattr(verb_id, "root", verb_id))
)

if __name__ == "__main__":
    uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
