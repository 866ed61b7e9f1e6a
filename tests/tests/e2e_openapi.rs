//! End-to-end tests of the crates generated from real OpenAPI specs (`tests/fixtures/openapi/`),
//! one operation each, against a real HTTP server on 127.0.0.1: the request the spec describes
//! (method, path, query, headers, JSON body) and the decoding of its responses and errors.

mod common;

use aws_smithy_types::DateTime;
use aws_smithy_types::date_time::Format;
use common::*;
use serde_json::json;
use workspace_tests::{Reply, TestServer, assert_json_eq};

fn date(text: &str) -> DateTime {
    DateTime::from_str(text, Format::DateTime).expect("a date-time")
}

fn stapi(server: &TestServer) -> openapi_stapi::Client {
    openapi_stapi::Client::from_conf(
        openapi_stapi::Config::builder()
            .endpoint_url(server.url())
            .http_client(http_client())
            .retry_config(fast_retries())
            .build(),
    )
}

/// OpenAPI 3.0 (STAPI): query parameters, a response wrapping a nested structure, and the
/// spec's `Error` body for a non-2xx status.
#[tokio::test]
async fn stapi_get_animal_sends_query_parameters_and_decodes_the_animal() {
    let server = serve(|_| {
        Reply::json(
            200,
            json!({"animal": {"uid": "ANMA0000000001", "name": "Tribble", "avian": false, "feline": true}}),
        )
    })
    .await;
    let out = stapi(&server)
        .get_animal()
        .uid("ANMA0000000001")
        .api_key("k-1")
        .send()
        .await
        .expect("the call succeeds");
    let animal = out.animal().expect("an animal");
    assert_eq!(animal.name(), "Tribble");
    assert_eq!(animal.feline(), Some(true));
    assert_eq!(animal.canine(), None);
    let req = only_request(&server);
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/animal");
    assert_eq!(req.query_param("uid"), Some("ANMA0000000001"));
    assert_eq!(req.query_param("apiKey"), Some("k-1"));
    assert!(req.body.is_empty());
}

#[tokio::test]
async fn stapi_error_body_is_the_modeled_error() {
    let server = serve(|_| {
        Reply::json(
            404,
            json!({"code": "MISSING_UID", "message": "no such animal"}),
        )
    })
    .await;
    let err = stapi(&server)
        .get_animal()
        .uid("ANMA-none")
        .send()
        .await
        .expect_err("404");
    match err.as_service_error() {
        Some(openapi_stapi::operation::get_animal::GetAnimalError::Error(e)) => {
            assert_eq!(e.code(), Some("MISSING_UID"));
            assert_eq!(e.message(), Some("no such animal"));
        }
        other => panic!("expected the Error variant, got {other:?}"),
    }
}

#[tokio::test]
async fn stapi_required_query_parameter_is_checked_before_sending() {
    let server = serve(|_| Reply::json(200, json!({}))).await;
    let err = stapi(&server)
        .get_animal()
        .send()
        .await
        .expect_err("uid is required");
    assert_refused_naming(&server, &sdk_runtime::Report(&err).to_string(), "uid");
}

/// The error (its `Report`) names `member`, and nothing reached the server.
fn assert_refused_naming(server: &TestServer, report: &str, member: &str) {
    assert!(report.contains(member), "{report}");
    assert!(server.requests().is_empty());
}

/// OpenAPI 3.1 (petstore): a path label and the API key header from `securitySchemes`.
#[tokio::test]
async fn petstore_31_get_pet_by_id_sends_the_api_key_header() {
    let server = serve(|_| {
        Reply::json(
            200,
            json!({"id": 7, "name": "doggie", "photoUrls": ["a.png"], "status": "sold",
                   "category": {"id": 1, "name": "Dogs"}, "tags": [{"id": 2, "name": "good"}]}),
        )
    })
    .await;
    let client = openapi_petstore_31::Client::from_conf(
        openapi_petstore_31::Config::builder()
            .endpoint_url(server.url())
            .api_key("special-key")
            .http_client(http_client())
            .retry_config(fast_retries())
            .build(),
    );
    let pet = client
        .get_pet_by_id()
        .pet_id(7)
        .send()
        .await
        .expect("the call succeeds");
    assert_eq!(pet.name(), "doggie");
    assert_eq!(
        pet.status(),
        Some(&openapi_petstore_31::types::PetStatus::Sold)
    );
    assert_eq!(pet.category().and_then(|c| c.name()), Some("Dogs"));
    assert_eq!(pet.photo_urls(), ["a.png".to_string()]);
    let req = only_request(&server);
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/pet/7");
    assert_eq!(req.header("api_key"), Some("special-key"));
    assert_eq!(req.header("authorization"), None);
}

/// Swagger 2.0 (petstore, YAML): a `body` parameter as the JSON payload, a date-time member, an
/// enum and a `default`.
#[tokio::test]
async fn petstore_swagger2_place_order_posts_the_order() {
    use openapi_petstore_swagger2::types::{Order, OrderStatus};
    let server = serve(|req| {
        let mut order = req.body_json().expect("a JSON body");
        order["id"] = json!(99);
        Reply::json(200, order)
    })
    .await;
    let client = openapi_petstore_swagger2::Client::from_conf(
        openapi_petstore_swagger2::Config::builder()
            .endpoint_url(server.url())
            .http_client(http_client())
            .retry_config(fast_retries())
            .build(),
    );
    let order = Order::builder()
        .pet_id(7)
        .quantity(2)
        .ship_date(date("2025-05-06T07:08:09Z"))
        .status(OrderStatus::Placed)
        .complete(false)
        .build();
    let out = client
        .place_order()
        .body(order)
        .send()
        .await
        .expect("the call succeeds");
    assert_eq!(out.id(), Some(99));
    assert_eq!(out.ship_date(), Some(&date("2025-05-06T07:08:09Z")));
    assert_eq!(out.status(), Some(&OrderStatus::Placed));
    let req = only_request(&server);
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/store/order");
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert_json_eq(
        &req.body,
        json!({"petId": 7, "quantity": 2, "shipDate": "2025-05-06T07:08:09Z", "status": "placed", "complete": false}),
    );
}

/// A Forgejo client for `server`, whose API root is `/api/v1` as on a real instance.
fn forgejo(server: &TestServer, api_key: &str) -> openapi_forgejo::Client {
    openapi_forgejo::Client::from_conf(
        openapi_forgejo::Config::builder()
            .endpoint_url(format!("{}/api/v1", server.url()))
            .api_key(api_key)
            .http_client(http_client())
            .retry_config(fast_retries())
            .build(),
    )
}

/// Swagger 2.0 with 500+ operations (Forgejo): path labels (percent-encoded), the JSON body
/// parameter, the `Authorization` API key scheme and a `201` response with nested structures,
/// timestamps and an enum.
#[tokio::test]
async fn forgejo_issue_create_issue_posts_the_option_and_decodes_the_issue() {
    use openapi_forgejo::types::{CreateIssueOption, StateType};
    let server = serve(|req| {
        let sent = req.body_json().expect("a JSON body");
        Reply::json(
            201,
            json!({"id": 11, "number": 3, "title": sent["title"], "body": sent["body"],
                   "state": "open", "created_at": "2025-05-06T07:08:09Z",
                   "user": {"id": 1, "login": "alice"},
                   "labels": [{"id": 5, "name": "bug", "color": "ee0701"}],
                   "repository": {"id": 2, "name": "my repo", "owner": "ops team"}}),
        )
    })
    .await;
    let client = forgejo(&server, "token 0123abcd");
    let option = CreateIssueOption::builder()
        .title("Crash on start")
        .body("It crashes.")
        .labels(5)
        .due_date(date("2025-06-01T00:00:00Z"))
        .build()
        .expect("title is set");
    let issue = client
        .issue_create_issue()
        .owner("ops team")
        .repo("my repo")
        .body(option)
        .send()
        .await
        .expect("the call succeeds");
    assert_eq!(issue.number(), Some(3));
    assert_eq!(issue.title(), Some("Crash on start"));
    assert_eq!(issue.state(), Some(&StateType::Open));
    assert_eq!(issue.created_at(), Some(&date("2025-05-06T07:08:09Z")));
    assert_eq!(issue.user().and_then(|u| u.login()), Some("alice"));
    assert_eq!(issue.labels()[0].name(), Some("bug"));
    assert_eq!(issue.repository().and_then(|r| r.owner()), Some("ops team"));
    let req = only_request(&server);
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/api/v1/repos/ops%20team/my%20repo/issues");
    assert_eq!(req.header("authorization"), Some("token 0123abcd"));
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert_json_eq(
        &req.body,
        json!({"title": "Crash on start", "body": "It crashes.", "labels": [5],
               "due_date": "2025-06-01T00:00:00Z"}),
    );
}

#[tokio::test]
async fn forgejo_required_label_and_body_member_are_checked_before_sending() {
    let server = serve(|_| Reply::json(201, json!({}))).await;
    let client = forgejo(&server, "token k");
    let err = client
        .issue_create_issue()
        .owner("ops")
        .body(
            openapi_forgejo::types::CreateIssueOption::builder()
                .title("t")
                .build()
                .expect("title is set"),
        )
        .send()
        .await
        .expect_err("repo is required");
    assert_refused_naming(&server, &sdk_runtime::Report(&err).to_string(), "repo");
    let missing_title = openapi_forgejo::types::CreateIssueOption::builder()
        .body("no title")
        .build();
    assert!(
        missing_title
            .expect_err("title is required")
            .to_string()
            .contains("title")
    );
}
