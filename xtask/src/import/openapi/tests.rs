//! Mapping and error tests of the OpenAPI import, on small specs written to a scratch directory.

use std::fs;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

use super::{Imported, OpenApiRecord, import};

struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("xtask-openapi-{}-{n}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("scratch dir");
        Scratch(dir)
    }

    fn write(&self, name: &str, text: &str) {
        fs::write(self.0.join(name), text).expect("write spec");
    }

    fn import(&self, file: &str, operations: &[&str]) -> Result<Imported, String> {
        let record = OpenApiRecord {
            kind: "openapi".into(),
            from: format!("specs/{file}"),
            namespace: "com.example".into(),
            service: "Example".into(),
            operations: operations.iter().map(|s| s.to_string()).collect(),
            rename: Default::default(),
            patches: Vec::new(),
        };
        import(&self.0.join(file), &record)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Every shape of every file, merged.
fn shapes(imported: &Imported) -> serde_json::Map<String, Value> {
    let mut all = serde_json::Map::new();
    for text in imported.files.values() {
        let file: Value = serde_json::from_str(text).expect("model JSON");
        all.extend(file["shapes"].as_object().cloned().unwrap_or_default());
    }
    all
}

const MAPPING: &str = r##"
openapi: 3.1.0
info:
  title: Zoo
  version: "2.1"
  description: Animals.
servers:
  - url: https://{region}.zoo.example/v1
    variables:
      region: { default: eu }
security:
  - basic: []
  - key: []
components:
  securitySchemes:
    basic: { type: http, scheme: basic }
    key: { type: apiKey, in: header, name: X-Key }
  schemas:
    Animal:
      type: object
      description: An animal.
      required: [id, name, nickname]
      properties:
        id: { type: integer, format: int64, readOnly: true }
        name: { type: string, minLength: 1, maxLength: 40, pattern: "^[a-z]+$" }
        nickname: { type: [string, "null"] }
        born: { type: string, format: date-time }
        photo: { type: string, format: byte }
        weight: { type: number, format: float, minimum: 0, exclusiveMaximum: 1000 }
        legs: { type: integer, format: int32, default: 4 }
        kind: { type: string, enum: [cat, dog, sea-lion] }
        tags: { type: array, items: { type: string }, minItems: 1 }
        labels: { type: object, additionalProperties: { type: string } }
        diet: { $ref: "common.yaml#/Diet" }
        legacy: { type: string, deprecated: true }
    Keeper:
      allOf:
        - $ref: "#/components/schemas/Person"
        - type: object
          required: [badge]
          properties:
            badge: { type: string }
    Person:
      type: object
      required: [name]
      properties:
        name: { type: string }
    Error:
      type: object
      properties:
        message: { type: string }
paths:
  /animals/{animal-id}:
    parameters:
      - { name: animal-id, in: path, required: true, schema: { type: string } }
    get:
      operationId: getAnimal
      parameters:
        - { name: fields, in: query, schema: { type: array, items: { type: string } }, explode: false }
        - { name: X-Trace, in: header, schema: { type: string } }
        - { name: session, in: cookie, schema: { type: string } }
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Animal" }
        "404":
          description: missing
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Error" }
        default:
          description: other
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Error" }
  /keepers:
    post:
      security: []
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: "#/components/schemas/Keeper" }
      responses:
        "201":
          description: created
          headers:
            Location: { schema: { type: string } }
"##;

const COMMON: &str = r##"
Diet:
  oneOf:
    - type: object
      properties:
        meat: { type: integer }
    - type: object
      properties:
        plants: { type: array, items: { type: string } }
"##;

#[test]
fn maps_schemas_parameters_responses_and_auth() {
    let scratch = Scratch::new("mapping");
    scratch.write("zoo.yaml", MAPPING);
    scratch.write("common.yaml", COMMON);
    let imported = scratch.import("zoo.yaml", &[]).expect("imports");
    let s = shapes(&imported);
    let animal = &s["com.example#Animal"]["members"];
    assert_eq!(animal["id"]["target"], "smithy.api#Long");
    assert!(
        animal["id"]["traits"].get("smithy.api#required").is_none(),
        "read-only"
    );
    assert!(
        animal["nickname"]["traits"]
            .get("smithy.api#required")
            .is_none(),
        "nullable"
    );
    assert_eq!(
        animal["name"]["traits"]["smithy.api#required"],
        serde_json::json!({})
    );
    assert_eq!(
        animal["name"]["traits"]["smithy.api#length"],
        serde_json::json!({"min": 1, "max": 40})
    );
    assert_eq!(animal["name"]["traits"]["smithy.api#pattern"], "^[a-z]+$");
    assert_eq!(animal["born"]["target"], "smithy.api#Timestamp");
    assert_eq!(
        animal["born"]["traits"]["smithy.api#timestampFormat"],
        "date-time"
    );
    assert_eq!(animal["photo"]["target"], "smithy.api#Blob");
    assert_eq!(animal["weight"]["target"], "smithy.api#Float");
    assert_eq!(
        animal["weight"]["traits"]["smithy.api#range"],
        serde_json::json!({"min": 0, "max": 1000})
    );
    assert_eq!(animal["legs"]["traits"]["smithy.api#default"], 4);
    assert_eq!(animal["kind"]["target"], "com.example#AnimalKind");
    assert_eq!(
        s["com.example#AnimalKind"]["members"]["sea_lion"]["traits"]["smithy.api#enumValue"],
        "sea-lion"
    );
    assert_eq!(animal["tags"]["target"], "com.example#StringList");
    assert_eq!(
        animal["tags"]["traits"]["smithy.api#length"],
        serde_json::json!({"min": 1})
    );
    assert_eq!(s["com.example#StringMap"]["type"], "map");
    assert_eq!(
        animal["legacy"]["traits"]["smithy.api#deprecated"],
        serde_json::json!({})
    );
    // A schema in another file, a oneOf of one-property objects: a union.
    assert_eq!(animal["diet"]["target"], "com.example#Diet");
    assert_eq!(s["com.example#Diet"]["type"], "union");
    assert_eq!(
        s["com.example#Diet"]["members"]["meat"]["target"],
        "smithy.api#Long"
    );
    // allOf: merged properties and required names.
    let keeper = &s["com.example#Keeper"]["members"];
    assert_eq!(
        keeper["name"]["traits"]["smithy.api#required"],
        serde_json::json!({})
    );
    assert_eq!(
        keeper["badge"]["traits"]["smithy.api#required"],
        serde_json::json!({})
    );

    let get = &s["com.example#GetAnimal"];
    assert_eq!(
        get["traits"]["smithy.api#http"]["uri"],
        "/animals/{animalId}"
    );
    assert_eq!(get["output"]["target"], "com.example#Animal");
    let error = &s["com.example#Error"]["traits"];
    assert_eq!(error["smithy.api#error"], "client");
    assert!(
        error.get("smithy.api#httpError").is_none(),
        "404 and default share it"
    );
    let input = &s["com.example#GetAnimalInput"]["members"];
    assert_eq!(
        input["animalId"]["traits"]["smithy.api#httpLabel"],
        serde_json::json!({})
    );
    assert_eq!(
        input["fields"]["target"], "smithy.api#String",
        "explode: false"
    );
    assert_eq!(
        input["xTrace"]["traits"]["smithy.api#httpHeader"],
        "X-Trace"
    );
    assert!(input.get("session").is_none(), "cookies are not modeled");

    let post = &s["com.example#PostKeepers"];
    assert_eq!(post["traits"]["smithy.api#auth"], serde_json::json!([]));
    assert_eq!(post["traits"]["smithy.api#http"]["code"], 201);
    let output = &s["com.example#PostKeepersOutput"]["members"];
    assert_eq!(
        output["location"]["traits"]["smithy.api#httpHeader"],
        "Location"
    );
    let body = &s["com.example#PostKeepersInput"]["members"]["body"];
    assert_eq!(body["target"], "com.example#Keeper");
    assert_eq!(
        body["traits"]["smithy.api#httpPayload"],
        serde_json::json!({})
    );

    let service = &s["com.example#Example"]["traits"];
    assert_eq!(service["smithy.api#httpBasicAuth"], serde_json::json!({}));
    assert_eq!(
        service["smithy.api#httpApiKeyAuth"],
        serde_json::json!({"name": "X-Key", "in": "header"})
    );
    assert_eq!(
        service["smithy.api#auth"],
        serde_json::json!(["smithy.api#httpBasicAuth", "smithy.api#httpApiKeyAuth"])
    );
    assert!(
        imported.codegen.contains("https://eu.zoo.example/v1"),
        "{}",
        imported.codegen
    );

    let warned = |needle: &str| imported.warnings.iter().any(|w| w.contains(needle));
    assert!(
        warned(
            "specs/zoo.yaml: #/paths/~1animals~1{animal-id}/get/parameters/0: list parameter `fields`"
        ),
        "{:#?}",
        imported.warnings
    );
    assert!(
        warned("`cookie` parameter `session` cannot be modeled"),
        "{:#?}",
        imported.warnings
    );
    assert!(
        warned("#/components/securitySchemes/basic: HTTP basic auth"),
        "{:#?}",
        imported.warnings
    );
    assert!(
        warned("#/components/schemas/Animal/properties/weight/exclusiveMaximum"),
        "{:#?}",
        imported.warnings
    );
}

#[test]
fn swagger2_collection_formats_and_selection() {
    let scratch = Scratch::new("swagger2");
    scratch.write(
        "api.json",
        r##"{"swagger": "2.0", "info": {"title": "T", "version": "1"}, "host": "api.example.com",
            "basePath": "/v2", "schemes": ["http", "https"],
            "paths": {"/items": {
              "get": {"operationId": "listItems", "parameters": [
                {"name": "ids", "in": "query", "type": "array", "items": {"type": "string"}, "collectionFormat": "multi"},
                {"name": "tags", "in": "query", "type": "array", "items": {"type": "string"}}],
                "responses": {"200": {"description": "ok", "schema": {"type": "object", "properties": {"n": {"type": "integer"}}}}}},
              "delete": {"responses": {"204": {"description": "gone"}}}}}}"##,
    );
    let imported = scratch.import("api.json", &["listItems"]).expect("imports");
    let s = shapes(&imported);
    assert!(s.get("com.example#DeleteItems").is_none(), "not selected");
    let input = &s["com.example#ListItemsInput"]["members"];
    assert_eq!(input["ids"]["target"], "com.example#StringList");
    assert_eq!(input["tags"]["target"], "smithy.api#String", "csv");
    assert_eq!(
        s["com.example#ListItems"]["output"]["target"],
        "com.example#ListItemsResponse"
    );
    assert!(
        imported.codegen.contains("\"https://api.example.com/v2\""),
        "{}",
        imported.codegen
    );

    let all = scratch.import("api.json", &[]).expect("imports");
    let s = shapes(&all);
    assert_eq!(
        s["com.example#DeleteItems"]["traits"]["smithy.api#http"]["code"],
        204
    );
    assert_eq!(
        s["com.example#DeleteItems"]["traits"]["smithy.api#idempotent"],
        serde_json::json!({})
    );

    let missing = scratch
        .import("api.json", &["nope"])
        .err()
        .unwrap_or_default();
    assert!(missing.contains("no operation `nope`"), "{missing}");
}

/// Imports `text` as `bad.<ext>` and returns the error.
fn failure(ext: &str, text: &str) -> String {
    let scratch = Scratch::new("bad");
    let name = format!("bad.{ext}");
    scratch.write(&name, text);
    match scratch.import(&name, &[]) {
        Ok(_) => panic!("a broken spec imported"),
        Err(e) => e,
    }
}

fn spec_with(schemas: &str, parameters: &str) -> String {
    format!(
        r##"{{"openapi": "3.0.3", "info": {{"title": "T", "version": "1"}},
          "components": {{"schemas": {schemas}}},
          "paths": {{"/x": {{"get": {{"operationId": "getX", "parameters": {parameters},
            "responses": {{"200": {{"description": "ok", "content": {{"application/json":
              {{"schema": {{"$ref": "#/components/schemas/A"}}}}}}}}}}}}}}}}}}"##
    )
}

#[test]
fn invalid_json_and_yaml_name_the_file_and_position() {
    let e = failure("json", "{\"openapi\": \"3.0.0\",");
    assert!(
        e.starts_with("specs/bad.json: invalid JSON:") && e.contains("line 1"),
        "{e}"
    );
    let e = failure("yaml", "openapi: 3.0.0\ninfo: [unclosed\n");
    assert!(
        e.starts_with("specs/bad.yaml: invalid YAML:") && e.contains("line"),
        "{e}"
    );
    let e = failure("yaml", "swagger: \"1.2\"\n");
    assert!(
        e.contains("specs/bad.yaml: #/swagger: unsupported Swagger version"),
        "{e}"
    );
}

#[test]
fn dangling_ref_names_the_reference() {
    let e = failure(
        "json",
        &spec_with(
            r##"{"A": {"type": "object", "properties": {"b": {"$ref": "#/components/schemas/Missing"}}}}"##,
            "[]",
        ),
    );
    assert!(
        e.contains("specs/bad.json: #/components/schemas/A/properties/b/$ref: dangling $ref `#/components/schemas/Missing`"),
        "{e}"
    );
    let e = failure(
        "json",
        &spec_with(r##"{"A": {"$ref": "other.json#/B"}}"##, "[]"),
    );
    assert!(
        e.contains("$ref `other.json#/B`") && e.contains("specs/other.json: cannot read"),
        "{e}"
    );
}

/// Spec text quoted in errors has its control characters escaped: a `$ref` carrying an ANSI
/// sequence and a newline that would forge a second error line.
#[test]
fn errors_quote_hostile_spec_text_escaped() {
    let e = failure(
        "json",
        &spec_with(
            r##"{"A": {"type": "object", "properties": {"b": {"$ref": "#/components/schemas/M\u001b[2J\nerror: forged\u202e"}}}}"##,
            "[]",
        ),
    );
    assert!(e.contains("dangling $ref"), "{e}");
    assert!(!e.chars().any(char::is_control), "{e:?}");
    assert!(!e.contains('\u{202e}'), "{e:?}");
    assert!(e.contains("M\\u{1b}[2J\\nerror: forged\\u{202e}"), "{e}");
}

#[test]
fn parameter_without_schema_is_an_error() {
    let e = failure(
        "json",
        &spec_with(
            r##"{"A": {"type": "object"}}"##,
            r##"[{"name": "q", "in": "query"}]"##,
        ),
    );
    assert!(
        e.contains("specs/bad.json: #/paths/~1x/get/parameters/0: parameter `q` has neither `schema` nor `content`"),
        "{e}"
    );
}

#[test]
fn cycle_through_all_of_is_an_error() {
    let e = failure(
        "json",
        &spec_with(
            r##"{"A": {"allOf": [{"$ref": "#/components/schemas/B"}, {"type": "object"}]},
                 "B": {"allOf": [{"$ref": "#/components/schemas/A"}, {"type": "object"}]}}"##,
            "[]",
        ),
    );
    assert!(
        e.contains("specs/bad.json: #/components/schemas/A: cycle through `allOf`"),
        "{e}"
    );
    let e = failure(
        "json",
        &spec_with(
            r##"{"A": {"allOf": [{"$ref": "#/components/schemas/A"}]}}"##,
            "[]",
        ),
    );
    assert!(e.contains("cycle of `$ref` / `allOf`"), "{e}");
}

#[test]
fn recursion_through_properties_is_fine() {
    let scratch = Scratch::new("recursion");
    scratch.write(
        "tree.json",
        &spec_with(
            r##"{"A": {"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "#/components/schemas/A"}}}}}"##,
            "[]",
        ),
    );
    let imported = scratch.import("tree.json", &[]).expect("imports");
    let s = shapes(&imported);
    assert_eq!(
        s["com.example#A"]["members"]["children"]["target"],
        "com.example#AList"
    );
    assert_eq!(s["com.example#AList"]["member"]["target"], "com.example#A");
}

/// A schema named like an operation (Forgejo's `RepoTransfer` beside `operationId:
/// repoTransfer`) gets another name; the operation keeps its own, and members point at the data.
#[test]
fn schema_named_like_an_operation_is_renamed() {
    let scratch = Scratch::new("clash");
    scratch.write(
        "api.json",
        r##"{"swagger": "2.0", "info": {"title": "T", "version": "1"},
            "definitions": {
              "RepoTransfer": {"type": "object", "properties": {"doer": {"type": "string"}}},
              "Repository": {"type": "object", "properties": {
                "repo_transfer": {"$ref": "#/definitions/RepoTransfer"}}}},
            "paths": {
              "/repos/{name}": {"get": {"operationId": "repoGet", "parameters": [
                {"name": "name", "in": "path", "required": true, "type": "string"}],
                "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Repository"}}}}},
              "/repos/{name}/transfer": {"post": {"operationId": "repoTransfer", "parameters": [
                {"name": "name", "in": "path", "required": true, "type": "string"}],
                "responses": {"202": {"description": "ok", "schema": {"$ref": "#/definitions/Repository"}}}}}}}"##,
    );
    let imported = scratch.import("api.json", &[]).expect("imports");
    let s = shapes(&imported);
    assert_eq!(s["com.example#RepoTransfer"]["type"], "operation");
    assert_eq!(
        s["com.example#Repository"]["members"]["repo_transfer"]["target"],
        "com.example#RepoTransfer2"
    );
    assert_eq!(s["com.example#RepoTransfer2"]["type"], "structure");
    assert!(
        s.values().all(|shape| shape["type"] != "operation"
            || shape.get("input").is_some()
            || shape.get("output").is_some()),
        "no placeholder is left"
    );

    // Without the operation, the schema keeps its name.
    let only_get = scratch.import("api.json", &["repoGet"]).expect("imports");
    let s = shapes(&only_get);
    assert_eq!(s["com.example#RepoTransfer"]["type"], "structure");
}
