"""One screen per file: home, module, page, assessment intro, assessment, results, help, dialogs."""
