from crawler.feed.commands import main

raise SystemExit(main())
