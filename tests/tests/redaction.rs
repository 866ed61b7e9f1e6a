//! `@sensitive` redaction, through the crate generated from `tests/fixtures/sensitive`: `Debug` of
//! sensitive values in lists, maps, lists of maps, unions, nested, recursive and wholly sensitive
//! structures and unions; errors whose message (or whole shape) is sensitive, in `Debug`,
//! `Display` and `Report`; and the orchestrator's TRACE logs of calls carrying secrets: responses
//! with sensitive members (operations with sensitive output store `SensitiveOutput`), requests
//! with sensitive members (with and without stalled-stream protection, which changes how the
//! orchestrator prints a request body), SigV4 credentials with a session token, bearer tokens
//! of this crate and of BillForward, and an API key; none of them may appear.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use common::*;
use fixture_sensitive::operation::get_secret::{GetSecretError, GetSecretOutput};
use fixture_sensitive::types::error::{SealedError, SecretMessageError};
use fixture_sensitive::types::{Choice, Deep, Holder, Link, Sealed, SealedChoice};
use fixture_sensitive::{Client, Config};
use sdk_runtime::Report;
use serde_json::json;
use tracing_subscriber::filter::LevelFilter;
use workspace_tests::Reply;

const SECRET: &str = "s3cr3t-v4lue-XYZZY";
const REDACTED: &str = "*** Sensitive Data Redacted ***";
const SECRET_KEY_ID: &str = "AKIDREDACTIONTEST";
const SECRET_ACCESS_KEY: &str = "wJalrXUtnFEMI-redaction-secret-access-key";
const BEARER_TOKEN: &str = "bearer-token-QWERTY-0987";
const SESSION_TOKEN: &str = "session-token-redaction-IQoJb3JpZ2luX2Vj";
const INPUT_SECRET: &str = "input-s3cr3t-PLUGH";
const BILLFORWARD_TOKEN: &str = "bf-bearer-token-XYZZY-42";
const API_KEY: &str = "api-key-FROTZ-1234";

#[track_caller]
fn assert_redacted(what: &str, text: &str) {
    assert!(!text.contains(SECRET), "{what} shows the secret: {text}");
}

#[track_caller]
fn assert_debug_redacted(what: &str, value: &impl std::fmt::Debug) {
    let text = format!("{value:?}");
    assert_redacted(what, &text);
    let pretty = format!("{value:#?}");
    assert_redacted(what, &pretty);
    assert!(
        text.contains(REDACTED),
        "{what} has no redaction marker: {text}"
    );
}

fn secret_map() -> std::collections::HashMap<String, String> {
    [("k".to_string(), SECRET.to_string())]
        .into_iter()
        .collect()
}

fn full_output() -> GetSecretOutput {
    let link = Link::builder()
        .label("outer")
        .next(
            Link::builder()
                .label("inner")
                .deep(Deep::builder().code(SECRET).build())
                .build(),
        )
        .build();
    GetSecretOutput::builder()
        .name("db-password")
        .value(SECRET)
        .history(SECRET)
        .labels("current", SECRET)
        .layers(secret_map())
        .holder(Holder::builder().owner("ada").pin(SECRET).build())
        .holders(Holder::builder().owner("bob").pin(SECRET).build())
        .choice(Choice::Secret(SECRET.into()))
        .sealed(Sealed::builder().note(SECRET).build())
        .sealed_choice(SealedChoice::Text(SECRET.into()))
        .chain(link)
        .build()
}

#[test]
fn debug_of_sensitive_strings_lists_maps_and_lists_of_maps_is_redacted() {
    let out = GetSecretOutput::builder()
        .name("db-password")
        .value(SECRET)
        .build();
    assert_debug_redacted("a sensitive string member", &out);
    assert!(format!("{out:?}").contains("db-password"), "{out:?}");
    let out = GetSecretOutput::builder().history(SECRET).build();
    assert_debug_redacted("a list of sensitive strings", &out);
    let out = GetSecretOutput::builder().labels("current", SECRET).build();
    assert_debug_redacted("a map of sensitive values", &out);
    let out = GetSecretOutput::builder().layers(secret_map()).build();
    assert_debug_redacted("a list of maps of sensitive values", &out);
    // The builder prints what it would build.
    assert_debug_redacted(
        "the output builder",
        &GetSecretOutput::builder().value(SECRET).history(SECRET),
    );
}

#[test]
fn debug_of_unions_with_sensitive_variants_is_redacted() {
    assert_debug_redacted("a sensitive union variant", &Choice::Secret(SECRET.into()));
    assert_debug_redacted(
        "a union variant holding a list of sensitive strings",
        &Choice::Secrets(vec![SECRET.into()]),
    );
    // Other variants still print their value.
    let plain = format!("{:?}", Choice::Plain("visible".into()));
    assert_eq!(plain, r#"Plain("visible")"#);
    assert_debug_redacted(
        "a wholly sensitive union",
        &SealedChoice::Text(SECRET.into()),
    );
    let out = GetSecretOutput::builder()
        .choice(Choice::Secret(SECRET.into()))
        .build();
    assert_redacted("a structure holding a sensitive union", &format!("{out:?}"));
}

#[test]
fn debug_of_nested_recursive_and_wholly_sensitive_structures_is_redacted() {
    let holder = Holder::builder().owner("ada").pin(SECRET).build();
    assert_debug_redacted("a structure with a sensitive member", &holder);
    assert!(format!("{holder:?}").contains("ada"), "{holder:?}");
    let out = GetSecretOutput::builder().holder(holder.clone()).build();
    assert_redacted("a nested structure", &format!("{out:?}"));
    let out = GetSecretOutput::builder().holders(holder).build();
    assert_redacted("a list of nested structures", &format!("{out:?}"));
    let sealed = Sealed::builder().note(SECRET).build();
    assert_debug_redacted("a wholly sensitive structure", &sealed);
    let link = Link::builder()
        .next(
            Link::builder()
                .deep(
                    Deep::builder()
                        .code(SECRET)
                        .back(Link::builder().build())
                        .build(),
                )
                .build(),
        )
        .build();
    assert_redacted("a recursive structure", &format!("{link:?}"));
    assert_debug_redacted("every case at once", &full_output());
}

#[test]
fn errors_with_sensitive_messages_never_print_them() {
    let err = SecretMessageError::builder().message(SECRET).build();
    assert_debug_redacted("an error with a sensitive message", &err);
    assert_eq!(err.to_string(), format!("SecretMessageError: {REDACTED}"));
    let err = SealedError::builder()
        .message(SECRET)
        .reason(SECRET)
        .build();
    assert_debug_redacted("a wholly sensitive error", &err);
    assert_eq!(err.to_string(), format!("SealedError: {REDACTED}"));
}

fn vault_config(server: &workspace_tests::TestServer) -> fixture_sensitive::config::Builder {
    Config::builder()
        .endpoint_url(server.url())
        .region(sdk_runtime::types::Region::from_static(REGION))
        .http_client(http_client())
        .retry_config(fast_retries())
        .credentials_provider(aws_credential_types::Credentials::new(
            SECRET_KEY_ID,
            SECRET_ACCESS_KEY,
            Some(SESSION_TOKEN.to_string()),
            None,
            "redaction-test",
        ))
        .bearer_token(BEARER_TOKEN)
}

#[tokio::test]
async fn operation_errors_with_sensitive_messages_are_redacted_in_display_debug_and_report() {
    let server = serve(|req| {
        let (status, code) = if req.path.ends_with("/sealed") {
            (409, "SealedError")
        } else {
            (400, "SecretMessageError")
        };
        Reply::json(status, json!({"message": format!("the value is {SECRET}")}))
            .set_header("x-amzn-errortype", code)
            .set_header("x-amzn-requestid", "req-1")
    })
    .await;
    let client = Client::from_conf(vault_config(&server).build());
    for (name, code) in [("db", "SecretMessageError"), ("sealed", "SealedError")] {
        let err = client.get_secret().name(name).send().await.unwrap_err();
        let report = Report(&err).to_string();
        assert_redacted("Report", &report);
        assert!(report.contains(REDACTED), "{report}");
        assert!(report.contains(code), "{report}");
        assert!(report.contains("req-1"), "{report}");
        let (service_error, status) = service_error_ref(&err);
        assert!(status == 400 || status == 409);
        let display = service_error.to_string();
        assert_redacted("the operation error's Display", &display);
        assert_eq!(
            display,
            format!("GetSecret failed: HTTP {status} {code}: {REDACTED} (request id req-1)")
        );
        assert_redacted("the operation error's Debug", &format!("{service_error:?}"));
        assert_redacted(
            "the error metadata",
            &format!(
                "{:?}",
                aws_smithy_types::error::metadata::ProvideErrorMetadata::meta(service_error)
            ),
        );
        match service_error {
            GetSecretError::SecretMessageError(e) => {
                assert_redacted("the modeled error's Display", &e.to_string());
                // The value itself is still there for the program to read.
                assert_eq!(e.message(), Some(format!("the value is {SECRET}").as_str()));
            }
            GetSecretError::SealedError(e) => {
                assert_redacted("the modeled error's Display", &e.to_string());
            }
            other => panic!("unexpected error {other:?}"),
        }
    }
}

/// A writer that appends everything the subscriber formats into a shared buffer.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The TRACE logs of this test binary. The subscriber is the global default: a thread-scoped
/// one can miss events whose callsites other test threads registered first (tracing caches
/// each callsite's interest), and no test here may log a secret anyway.
fn trace_logs() -> Captured {
    static LOGS: std::sync::OnceLock<Captured> = std::sync::OnceLock::new();
    LOGS.get_or_init(|| {
        let logs = Captured::default();
        let writer = logs.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(LevelFilter::TRACE)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        tracing_subscriber::util::SubscriberInitExt::init(subscriber);
        logs
    })
    .clone()
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

#[tokio::test]
async fn trace_logs_of_calls_carrying_secrets_hold_none_of_them() {
    let logs = trace_logs();
    let server = serve(|req| {
        if req.path == "/token" {
            Reply::json(200, json!({"token": SECRET, "scope": "read"}))
        } else if req.method == "PUT" {
            Reply::json(200, json!({"version": 2}))
        } else if req.path.starts_with("/usage-sessions/") {
            Reply::json(200, json!({"results": []}))
        } else if req.path.starts_with("/pet/") {
            Reply::json(200, json!({"id": 7, "name": "doggie", "photoUrls": []}))
        } else {
            Reply::json(
                200,
                json!({
                    "name": "db-password",
                    "value": SECRET,
                    "history": [SECRET],
                    "labels": {"current": SECRET},
                    "layers": [{"k": SECRET}],
                    "holder": {"owner": "ada", "pin": SECRET},
                    "holders": [{"owner": "bob", "pin": SECRET}],
                    "choice": {"secret": SECRET},
                    "sealed": {"note": SECRET},
                    "sealedChoice": {"text": SECRET},
                    "chain": {"next": {"deep": {"code": SECRET}}}
                }),
            )
        }
    })
    .await;
    let client = Client::from_conf(vault_config(&server).build());
    // SigV4-signed (with a session token), with every kind of sensitive member in the response.
    let out = client.get_secret().name("db").send().await.unwrap();
    assert_eq!(out.value(), Some(SECRET));
    assert_debug_redacted("the decoded output", &out);
    // Bearer-authenticated.
    let token = client.get_token().scope("read").send().await.unwrap();
    assert_eq!(token.token(), Some(SECRET));
    // Sensitive members in the request body. Without upload stalled-stream protection the
    // orchestrator's log of the request would print an in-memory body as it is.
    let unprotected =
        Client::from_conf(
            vault_config(&server)
                .stalled_stream_protection(
                    sdk_runtime::types::StalledStreamProtectionConfig::disabled(),
                )
                .build(),
        );
    for client in [&client, &unprotected] {
        let put = client
            .put_secret()
            .name("db")
            .value(INPUT_SECRET)
            .holder(Holder::builder().owner("ada").pin(INPUT_SECRET).build())
            .comment("rotated")
            .send()
            .await
            .unwrap();
        assert_eq!(put.version(), Some(2));
    }
    // BillForward's bearer token.
    billforward::Client::from_conf(
        common::billforward_config(&server)
            .bearer_token(BILLFORWARD_TOKEN)
            .build(),
    )
    .get_usage_list_for_usage_session()
    .subscription_id("SUB-1")
    .send()
    .await
    .unwrap();
    // An `@httpApiKeyAuth` key in a header the runtime does not redact by itself.
    openapi_petstore_31::Client::from_conf(
        openapi_petstore_31::Config::builder()
            .endpoint_url(server.url())
            .http_client(http_client())
            .api_key(API_KEY)
            .build(),
    )
    .get_pet_by_id()
    .pet_id(7)
    .send()
    .await
    .unwrap();

    let sent = server.requests();
    assert_eq!(sent.len(), 6);
    assert!(
        sent[0]
            .header("authorization")
            .unwrap_or_default()
            .contains(SECRET_KEY_ID)
    );
    assert_eq!(sent[0].header("x-amz-security-token"), Some(SESSION_TOKEN));
    assert_eq!(
        sent[1].header("authorization"),
        Some(format!("Bearer {BEARER_TOKEN}").as_str())
    );
    for put in &sent[2..4] {
        // The secret did go over the wire, unchanged and signed.
        assert!(
            String::from_utf8_lossy(&put.body).contains(INPUT_SECRET),
            "{put:?}"
        );
        assert!(put.header("authorization").is_some());
    }
    assert_eq!(
        sent[4].header("authorization"),
        Some(format!("Bearer {BILLFORWARD_TOKEN}").as_str())
    );
    // The key was taken out of the request only for the log: it was sent.
    assert_eq!(sent[5].header("api_key"), Some(API_KEY));

    let text = logs.text();
    // The subscriber did capture the orchestrator's TRACE output, requests and responses.
    assert!(text.contains("TRACE"), "no TRACE logs captured:\n{text}");
    assert!(text.contains("read HTTP response body"), "{text}");
    assert!(text.contains("transmitting request"), "{text}");
    // The non-sensitive part of a sensitive request is not what is hidden: the whole body is.
    for (what, secret) in [
        ("a sensitive output member", SECRET),
        ("a sensitive input member", INPUT_SECRET),
        ("the bearer token", BEARER_TOKEN),
        ("BillForward's bearer token", BILLFORWARD_TOKEN),
        ("the secret key", SECRET_ACCESS_KEY),
        ("the session token", SESSION_TOKEN),
        ("the API key", API_KEY),
    ] {
        assert!(!text.contains(secret), "the logs show {what}:\n{text}");
    }
}
