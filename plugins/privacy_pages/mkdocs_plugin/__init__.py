"""The MkDocs adapter: the ``privacy-pages`` plugin, thin hooks over the build pipeline."""
