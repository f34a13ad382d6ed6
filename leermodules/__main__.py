from leermodules.cli import main

raise SystemExit(main())
