"""``factcheck serve``: the editors' review page, a local web app over the check pipeline and claim store.

:func:`factcheck.web.app.create_app` builds the ASGI application; :mod:`factcheck.web.service` holds the
warm pipeline; :mod:`factcheck.web.pool` the bounded worker pool; :mod:`factcheck.web.security` the token,
CSRF, limits and headers. Importing this package loads no model.
"""
