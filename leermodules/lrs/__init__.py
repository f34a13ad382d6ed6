"""Sending the learner's xAPI statements to a Learning Record Store (LRS), and reading a team's back.

`config`: the link the learner made with `leermodules lrs koppel` (in the OS user config folder,
never in the progress store). `client`: the xAPI statements resource over HTTP (stdlib urllib).
`sync`: the queue in the store to the LRS, once in the foreground or in a background thread.
"""
