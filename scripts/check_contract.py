"""Validates the documents in contract/ (see check-contract.sh): both against their meta-schemas, every example
against its schema, a few commands that must be refused, and the definitions the two documents share."""

import copy
import json
import sys
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_openapi
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SHARED = ["RegisterData", "EndData", "ProfessionalId", "Informed", "EndReason", "ChildIdentity", "BSN", "Address"]
PROSE = {"description", "title", "examples", "example"}


def normalised(schema, prefix):
    """The schema without prose, with local references reduced to the definition's name."""
    if isinstance(schema, dict):
        result = {}
        for key, value in schema.items():
            if key in PROSE:
                continue
            if key == "$ref" and isinstance(value, str) and value.startswith(prefix):
                value = value[len(prefix):]
            result[key] = normalised(value, prefix)
        return result
    if isinstance(schema, list):
        return [normalised(item, prefix) for item in schema]
    return schema


def main(contract):
    failures = []
    openapi = yaml.safe_load((contract / "openapi.yaml").read_text(encoding="utf-8"))
    command_schema = json.loads((contract / "signal-command.schema.json").read_text(encoding="utf-8"))

    validate_openapi(openapi)
    print("openapi.yaml: a valid OpenAPI", openapi["openapi"], "document")
    matcher = yaml.safe_load((contract / "matcher-openapi.yaml").read_text(encoding="utf-8"))
    validate_openapi(matcher)
    print("matcher-openapi.yaml: a valid OpenAPI", matcher["openapi"], "document")
    Draft202012Validator.check_schema(command_schema)
    print("signal-command.schema.json: a valid JSON Schema 2020-12")

    checker = Draft202012Validator.FORMAT_CHECKER
    commands = Draft202012Validator(command_schema, format_checker=checker)
    for index, example in enumerate(command_schema.get("examples", [])):
        for error in commands.iter_errors(example):
            failures.append(f"signal-command example {index}: {error.message} at {list(error.absolute_path)}")
    register = copy.deepcopy(command_schema["examples"][0])
    refused = {
        "a register command with a reason": {**register, "data": {**register["data"], "reason": "riskEnded"}},
        "an unknown type": {**register, "type": "nl.verwijsindex.signal.other.v1"},
        "a source that is not urn:vi:org:": {**register, "source": "school"},
        "a command without data": {k: v for k, v in register.items() if k != "data"},
        "a BSN of 8 digits": {**register, "data": {**register["data"], "child": {**register["data"]["child"], "bsn": "12345678"}}},
        "five parents": {**register, "data": {**register["data"], "child": {**register["data"]["child"], "parentBsns": ["123456782"] * 5}}},
        "an end command without reason": {**register, "type": "nl.verwijsindex.signal.end.v1"},
    }
    for name, command in refused.items():
        if commands.is_valid(command):
            failures.append(f"signal-command schema accepts {name}")

    # Every example in the OpenAPI document, against the schema beside it.
    registry = Registry().with_resource("urn:openapi", Resource.from_contents(openapi, DRAFT202012))
    for path, methods in openapi["paths"].items():
        for method, operation in methods.items():
            bodies = [("request", operation.get("requestBody", {}).get("content", {}))]
            for status, response in operation.get("responses", {}).items():
                if "$ref" in response:
                    response = openapi["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
                bodies.append((f"response {status}", response.get("content", {})))
            for where, content in bodies:
                for media, entry in content.items():
                    examples = [entry["example"]] if "example" in entry else []
                    examples += [item["value"] for item in entry.get("examples", {}).values()]
                    schema = dict(entry.get("schema", {}))
                    if "$ref" in schema:
                        schema = {"$ref": "urn:openapi" + schema["$ref"]}
                    validator = Draft202012Validator(schema, registry=registry, format_checker=checker)
                    for example in examples:
                        for error in validator.iter_errors(example):
                            failures.append(f"{method.upper()} {path} {where} {media} example: {error.message}")

    # The definitions both documents have must say the same, prose aside.
    components = openapi["components"]["schemas"]
    definitions = command_schema["$defs"]
    for name in SHARED:
        left = normalised(components.get(name), "#/components/schemas/")
        right = normalised(definitions.get(name), "#/$defs/")
        if left != right:
            failures.append(f"{name} differs: openapi.yaml {json.dumps(left)} vs schema {json.dumps(right)}")

    for failure in failures:
        print("FAIL:", failure)
    if failures:
        sys.exit(1)
    print("examples valid; shared definitions agree:", ", ".join(SHARED))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
