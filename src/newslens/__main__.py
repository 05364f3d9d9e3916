from newslens.cli import main

raise SystemExit(main())
