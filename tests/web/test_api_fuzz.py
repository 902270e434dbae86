"""Property-based API tests: schemathesis generates requests from the app's own OpenAPI document (valid
and invalid values for every parameter of every endpoint) and checks that no answer is a server error and
that every answer conforms to the documented schema (status codes, content types, response bodies), and
that values the schema forbids are refused.

One check is left out: "every schema-valid request is accepted". Some limits cannot be written in the
schema (``since`` after ``until``, a box whose corners are swapped, ``partner`` without ``actor``, a search
text of punctuation only); they are answered with HTTP 400 and the reason, which is documented."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from eventwire.store.db import Store
from eventwire.web import ServerContext, create_app

pytestmark = pytest.mark.slow

EXAMPLES_PER_ENDPOINT = 30


@pytest.fixture(scope="module")
def api_schema(read_store: Store) -> Any:
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(ServerContext(store=read_store)))


def test_every_endpoint_answers_every_generated_request(api_schema: Any) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES_PER_ENDPOINT, deadline=None, suppress_health_check=list(HealthCheck))
        def check(case: Any) -> None:
            case.call_and_validate(excluded_checks=[positive_data_acceptance])

        check()
