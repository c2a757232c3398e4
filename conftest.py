"""Keep pytest's doctest collection away from the module that runs the CLI on import."""

collect_ignore = ["mediadiff/__main__.py"]
