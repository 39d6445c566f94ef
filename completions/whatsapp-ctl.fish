complete --keep-order --exclusive --command whatsapp-ctl --arguments "(COMPLETE=fish whatsapp-ctl -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
