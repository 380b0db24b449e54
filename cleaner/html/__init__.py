"""HTML pages to main-content blocks, in six stages, one module each, composed by :func:`.extract.extract`:
:mod:`~cleaner.html.page` decodes the bytes (with :mod:`~cleaner.html.encoding`), cuts oversized pages
and parses them with a safe lxml parser; :mod:`~cleaner.html.metadata` reads the title, author, date,
language and canonical URL before anything is removed; :mod:`~cleaner.html.prune` drops junk tags,
applies the selector rules and removes hidden elements and page furniture (tags, roles and the class/id
words of :mod:`~cleaner.html.vocab`); :mod:`~cleaner.html.walk` turns the tree into blocks with
per-element text statistics in one pass; :mod:`~cleaner.html.content` picks the elements that hold the
content by scoring; and :mod:`~cleaner.html.extract` tidies the blocks (link lists, widget labels, title
copies, repeats) and retries without the weak furniture words when too little text came out.
"""
