"""Schemathesis hooks for check-contract.sh: bodies of /v1/signals* name the professional of the bearer token
(VI_SCHEMATHESIS_PROFESSIONAL), so that generated signals get past the 403 and reach SignalIntake's validator."""

import os

import schemathesis


@schemathesis.hook
def map_body(context, body):
    professional = os.environ.get("VI_SCHEMATHESIS_PROFESSIONAL")
    if professional and context.operation.path.startswith("/v1/signals") and isinstance(body, dict):
        body["professionalId"] = professional
    return body
