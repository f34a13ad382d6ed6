"""Ralph's LRS API under uvicorn, as `ralph runserver --backend fs` starts it, with one change.

Ralph 5.1.0's file-system LRS backend writes each POST with the data backend's default operation
(CREATE), which refuses once its statements file exists: only the first POST would ever be stored.
The FS backend is Ralph's development backend (academies use ClickHouse or Elasticsearch, which
index every POST), so here it appends, as its LRS use needs. Everything else is Ralph's own:
routing, basic auth, xAPI validation of every statement, duplicate handling, queries and paging.
Usage: python -m tests.lrs.ralph_server PORT
"""

from __future__ import annotations

import sys

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

if __name__ == "__main__":
    uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
