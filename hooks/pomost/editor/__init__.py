"""`pomost edit`: a form editor for every record kind, in the browser, beside the preview.

* ``config``  — the editor's configuration (Decap CMS), made from the registry of kinds and
  the record models: nothing in it is written by hand;
* ``store``   — the small API the editor saves through (Decap's ``proxy`` backend), reading
  and writing only the record files in data/;
* ``records`` — what the editor sends, made into the YAML the rest of Pomost reads, checked
  like `pomost check` checks it;
* ``assets``  — the editor's pinned JavaScript, from node_modules/ or from the npm registry
  once, checked against package-lock.json;
* ``app``     — the pages and the API, served by the preview (build/preview.py).
"""
