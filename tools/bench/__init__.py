"""`make bench`: build time, memory and output sizes at 100 / 1,000 / 10,000 organisations.

``data`` writes synthetic records, ``stock`` the same pages as plain Markdown for the stock
MkDocs set-up, ``measure`` runs a build and watches its process tree, ``__main__`` prints the
table. Not part of `make test`: it takes minutes.
"""
