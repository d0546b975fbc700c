"""Production static files: hashed names (a changed file gets a new URL), gzip and brotli copies."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class HashedStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Leaves `sourceMappingURL` comments alone: the vendored packages ship without their .map
    files (scripts/vendor_static.py), and a reference to a missing file fails collectstatic."""

    patterns = tuple(
        (glob, tuple(p for p in rules if "sourceMappingURL" not in str(p)))
        for glob, rules in CompressedManifestStaticFilesStorage.patterns
    )
