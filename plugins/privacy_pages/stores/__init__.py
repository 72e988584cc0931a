"""The app stores' privacy labels, made from the same records as the published statement.

The stores' vocabularies are data (``google-play.yml``, ``apple.yml``, ``purposes.yml``), read
by :mod:`.tables`. :mod:`.label` works out what each store's label says for a product; one
module per store file writes it and reads it back (:mod:`.google_play`, :mod:`.apple_manifest`,
:mod:`.apple_app_privacy`), and :mod:`.drift` compares a store file with the records.
"""
