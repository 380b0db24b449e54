"""``python -m cleaner.cli``: the same as the ``cleaner`` console script."""

from cleaner.cli import main

main()
