//! What a call tells the outside world about itself: the `tracing` spans of calls and attempts
//! (captured by a `tracing-subscriber` layer around real calls to the loopback server), the
//! orchestrator's metrics (captured by a telemetry provider installed globally), and the user
//! agent the requests carry.

mod common;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, OnceLock};

use common::*;
use serde_json::json;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;
use workspace_tests::{Reply, TestServer};

/// One span as the subscriber saw it: its fields as recorded so far.
#[derive(Clone, Debug)]
struct SpanRecord {
    id: u64,
    name: &'static str,
    target: String,
    /// The ids of the enclosing spans, innermost first.
    ancestors: Vec<u64>,
    fields: BTreeMap<String, String>,
    closed: bool,
}

#[derive(Default)]
struct Seen {
    spans: Vec<SpanRecord>,
    /// Every event's fields, as text (to look for secrets).
    events: Vec<String>,
}

/// A layer that keeps every span with its fields, and every event's text.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Seen>>);

struct Fields<'a>(&'a mut BTreeMap<String, String>);

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0
            .insert(field.name().to_string(), format!("{value:?}"));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_string(), value.to_string());
    }
}

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for Capture {
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        let mut fields = BTreeMap::new();
        attrs.record(&mut Fields(&mut fields));
        let ancestors = ctx
            .span(id)
            .map(|span| span.scope().skip(1).map(|s| s.id().into_u64()).collect())
            .unwrap_or_default();
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .spans
            .push(SpanRecord {
                id: id.into_u64(),
                name: attrs.metadata().name(),
                target: attrs.metadata().target().to_string(),
                ancestors,
                fields,
                closed: false,
            });
    }

    fn on_record(&self, id: &Id, values: &Record<'_>, _ctx: Context<'_, S>) {
        self.with_open_span(id, |span| values.record(&mut Fields(&mut span.fields)));
    }

    fn on_event(&self, event: &Event<'_>, _ctx: Context<'_, S>) {
        let mut fields = BTreeMap::new();
        event.record(&mut Fields(&mut fields));
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .events
            .push(format!("{fields:?}"));
    }

    fn on_close(&self, id: Id, _ctx: Context<'_, S>) {
        self.with_open_span(&id, |span| span.closed = true);
    }
}

/// The capture of this test binary, installed once as the global default subscriber (a
/// thread-scoped one can miss callsites other threads registered first), at every level.
fn capture() -> Capture {
    static CAPTURE: OnceLock<Capture> = OnceLock::new();
    CAPTURE
        .get_or_init(|| {
            let capture = Capture::default();
            let subscriber = tracing_subscriber::registry().with(capture.clone());
            tracing::subscriber::set_global_default(subscriber).expect("no other subscriber");
            capture
        })
        .clone()
}

impl Capture {
    /// Runs `f` on the open span `id`: span ids are reused once closed, so it is the latest one
    /// with that id that is not closed yet.
    fn with_open_span(&self, id: &Id, f: impl FnOnce(&mut SpanRecord)) {
        let mut seen = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(span) = seen
            .spans
            .iter_mut()
            .rev()
            .find(|s| s.id == id.into_u64() && !s.closed)
        {
            f(span);
        }
    }

    /// The `call` span of the runtime whose last response had `request_id`.
    fn call_with_request_id(&self, request_id: &str) -> SpanRecord {
        let seen = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let calls: Vec<&SpanRecord> = seen
            .spans
            .iter()
            .filter(|s| s.name == "call" && s.target == "sdk_runtime::telemetry")
            .collect();
        calls
            .iter()
            .find(|s| s.fields.get("request_id").map(String::as_str) == Some(request_id))
            .map(|s| (*s).clone())
            .unwrap_or_else(|| panic!("no call span with request id {request_id}: {calls:#?}"))
    }

    /// The spans inside `call` named `name`, in creation order.
    fn inside(&self, call: &SpanRecord, name: &str) -> Vec<SpanRecord> {
        let seen = self.0.lock().unwrap_or_else(|e| e.into_inner());
        seen.spans
            .iter()
            .filter(|s| s.name == name && s.ancestors.contains(&call.id))
            .cloned()
            .collect()
    }

    fn all_text(&self) -> String {
        let seen = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let spans = seen.spans.iter().map(|s| format!("{:?}", s.fields));
        spans
            .chain(seen.events.iter().cloned())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

#[track_caller]
fn assert_field(span: &SpanRecord, name: &str, expected: &str) {
    assert_eq!(
        span.fields.get(name).map(String::as_str),
        Some(expected),
        "field {name} of {span:#?}"
    );
}

#[track_caller]
fn assert_fields(span: &SpanRecord, expected: &[(&str, &str)]) {
    for (name, value) in expected {
        assert_field(span, name, value);
    }
}

const SESSION_TOKEN: &str = "session-token-OBSERVABILITY-5678";

#[tokio::test]
async fn a_retried_call_has_a_call_span_and_one_span_per_attempt() {
    let capture = capture();
    let server = TestServer::scripted(
        [Reply::json(503, json!({"message": "busy"})).header("x-amzn-requestid", "rid-obs-1")],
        Reply::json(
            200,
            json!({"paymentSession": payment_session_json(SESSION_ID, "user-1")}),
        )
        .header("x-amzn-requestid", "rid-obs-2"),
    )
    .await
    .expect("server starts");
    let config =
        bedrock_config(&server).credentials_provider(aws_credential_types::Credentials::new(
            ACCESS_KEY,
            SECRET_KEY_MARKER,
            Some(SESSION_TOKEN.to_string()),
            None,
            "test",
        ));
    let client = bedrockagentcore::Client::from_conf(config.build());
    client
        .get_payment_session()
        .payment_manager_arn(MANAGER_ARN)
        .payment_session_id(SESSION_ID)
        .send()
        .await
        .expect("the second attempt succeeds");
    assert_eq!(server.request_count(), 2);

    let call = capture.call_with_request_id("rid-obs-2");
    assert_fields(
        &call,
        &[
            ("rpc.service", "bedrockagentcore"),
            ("rpc.method", "GetPaymentSession"),
            ("attempts", "2"),
            ("http.status_code", "200"),
            ("outcome", "success"),
        ],
    );
    assert!(call.closed, "the call span is closed once the call ends");

    let attempts = capture.inside(&call, "attempt");
    assert_eq!(attempts.len(), 2, "{attempts:#?}");
    for (attempt, (number, status, request_id, outcome)) in attempts.iter().zip([
        ("1", "503", "rid-obs-1", "service_error"),
        ("2", "200", "rid-obs-2", "success"),
    ]) {
        assert_fields(
            attempt,
            &[
                ("rpc.method", "GetPaymentSession"),
                ("attempt", number),
                ("http.status_code", status),
                ("request_id", request_id),
                ("outcome", outcome),
            ],
        );
        assert!(attempt.closed, "attempt {number} is closed");
    }
    // The orchestrator's own spans nest inside the call span.
    let invoke = capture.inside(&call, "invoke");
    assert_eq!(invoke.len(), 1, "{invoke:#?}");
    assert_field(&invoke[0], "rpc.method", "GetPaymentSession");
    assert_eq!(capture.inside(&call, "try_attempt").len(), 2);

    // No field or event of any level carries the secret key or the session token.
    let text = capture.all_text();
    assert!(!text.contains(SECRET_KEY_MARKER), "secret key in:\n{text}");
    assert!(!text.contains(SESSION_TOKEN), "session token in:\n{text}");
}

// `SECRET_KEY` ("secret") is too common a word to look for; this test's own secret is not.
const SECRET_KEY_MARKER: &str = "wJalrXUtnFEMI-observability-secret";
const BEARER: &str = "bearer-OBSERVABILITY-1234";

#[tokio::test]
async fn a_failed_call_records_its_outcome_and_no_bearer_token() {
    let capture = capture();
    let server = serve(|_| {
        Reply::json(
            400,
            json!({"errorType": "ValidationError", "errorMessage": "bad id"}),
        )
        .header("x-amzn-requestid", "rid-obs-bf")
    })
    .await;
    let client =
        billforward::Client::from_conf(billforward_config(&server).bearer_token(BEARER).build());
    let err = client
        .get_active_sessions_for_subscription()
        .subscription_id("SUB-1")
        .send()
        .await
        .expect_err("HTTP 400");
    assert!(err.as_service_error().is_some(), "{err:?}");

    let call = capture.call_with_request_id("rid-obs-bf");
    assert_fields(
        &call,
        &[
            ("rpc.service", "billforward"),
            ("rpc.method", "GetActiveSessionsForSubscription"),
            ("attempts", "1"),
            ("http.status_code", "400"),
            ("outcome", "service_error"),
        ],
    );
    let attempts = capture.inside(&call, "attempt");
    assert_eq!(attempts.len(), 1, "{attempts:#?}");
    assert_field(&attempts[0], "outcome", "service_error");
    let text = capture.all_text();
    assert!(!text.contains(BEARER), "bearer token in:\n{text}");
}

#[tokio::test]
async fn a_call_refused_before_sending_has_a_call_span_without_attempts() {
    let capture = capture();
    let server = serve(|_| Reply::status(500)).await;
    // Client-side validation (inside the call) refuses the ARN, so nothing is sent.
    let err = bedrock(&server)
        .list_payment_sessions()
        .payment_manager_arn("not an arn")
        .send()
        .await
        .expect_err("refused");
    assert!(construction_failure(&err).contains("paymentManagerArn"));
    assert_eq!(server.request_count(), 0);
    let seen = capture.0.lock().unwrap_or_else(|e| e.into_inner());
    let refused: Vec<SpanRecord> = seen
        .spans
        .iter()
        .filter(|s| {
            s.name == "call"
                && s.fields.get("rpc.method").map(String::as_str) == Some("ListPaymentSessions")
        })
        .cloned()
        .collect();
    drop(seen);
    assert!(
        refused.iter().any(|s| {
            s.fields.get("outcome").map(String::as_str) == Some("construction_failure")
                && !s.fields.contains_key("attempts")
                && s.closed
        }),
        "{refused:#?}"
    );
}

/// The user agent names this SDK, the service crate and the app, and not aws-sdk-rust.
#[tokio::test]
async fn requests_identify_this_sdk_and_the_service_crate() {
    let runtime = format!(
        "{}/{} ",
        sdk_runtime::user_agent::RUNTIME_NAME,
        sdk_runtime::user_agent::RUNTIME_VERSION
    );
    assert!(runtime.starts_with("sdk-runtime/0."), "{runtime}");

    // An AWS service: `User-Agent` and `x-amz-user-agent`, with the app name.
    let server = serve(|_| {
        Reply::json(
            200,
            json!({"paymentSession": payment_session_json(SESSION_ID, "user-1")}),
        )
    })
    .await;
    let config = bedrock_config(&server)
        .app_name(sdk_runtime::types::AppName::new("checkout-agent").unwrap());
    bedrockagentcore::Client::from_conf(config.build())
        .get_payment_session()
        .payment_manager_arn(MANAGER_ARN)
        .payment_session_id(SESSION_ID)
        .send()
        .await
        .expect("call succeeds");
    let req = only_request(&server);
    let service = format!(
        "api/bedrockagentcore/{}",
        bedrockagentcore::meta::PKG_VERSION
    );
    for header in ["user-agent", "x-amz-user-agent"] {
        let ua = req.header(header).unwrap_or_default();
        assert!(ua.starts_with(&runtime), "{header}: {ua}");
        assert!(ua.contains(&service), "{header}: {ua}");
        assert!(ua.contains(" lang/rust/"), "{header}: {ua}");
        assert!(ua.ends_with(" app/checkout-agent"), "{header}: {ua}");
        assert!(
            !ua.contains("aws-sdk"),
            "{header} claims aws-sdk-rust: {ua}"
        );
    }
    // The signature covers `x-amz-user-agent`, set before signing.
    assert_signed(&req, BEDROCK_SIGNING_NAME);

    // A plain REST service: `User-Agent` only.
    let server = serve(|_| Reply::json(200, json!({"results": []}))).await;
    billforward(&server)
        .get_active_sessions_for_subscription()
        .subscription_id("SUB-1")
        .send()
        .await
        .expect("call succeeds");
    let req = only_request(&server);
    let ua = req.header("user-agent").unwrap_or_default();
    assert!(ua.starts_with(&runtime), "user-agent: {ua}");
    assert!(
        ua.contains(&format!(
            "api/billforward/{}",
            billforward::meta::PKG_VERSION
        )),
        "user-agent: {ua}"
    );
    assert!(!ua.contains("aws-sdk"), "user-agent: {ua}");
    assert_eq!(req.header("x-amz-user-agent"), None);
}

/// One histogram value: the meter's scope, the instrument's name, the value's attributes.
#[derive(Clone, Debug)]
struct Recorded {
    scope: &'static str,
    instrument: String,
    attributes: BTreeMap<String, String>,
}

#[derive(Debug, Default)]
struct Recording(Mutex<Vec<Recorded>>);

/// A meter provider that records histogram values (the orchestrator's metrics are histograms)
/// and hands out no-op instruments of every other kind.
#[derive(Debug, Default)]
struct RecordingMeters(Arc<Recording>);

struct RecordingInstruments {
    scope: &'static str,
    recording: Arc<Recording>,
    noop: aws_smithy_observability::meter::Meter,
}

// `Meter` has no `Debug`.
impl std::fmt::Debug for RecordingInstruments {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RecordingInstruments")
            .field("scope", &self.scope)
            .finish_non_exhaustive()
    }
}

#[derive(Debug)]
struct RecordingHistogram {
    scope: &'static str,
    instrument: String,
    recording: Arc<Recording>,
}

mod meters {
    use super::*;
    use aws_smithy_observability::instruments::{
        AsyncInstrumentBuilder, AsyncMeasure, Histogram, InstrumentBuilder, MonotonicCounter,
        ProvideInstrument, UpDownCounter,
    };
    use aws_smithy_observability::meter::{Meter, ProvideMeter};
    use aws_smithy_observability::{
        AttributeValue, Attributes, Context as TelemetryContext, TelemetryProvider,
    };

    impl ProvideMeter for RecordingMeters {
        fn get_meter(&self, scope: &'static str, _attributes: Option<&Attributes>) -> Meter {
            Meter::new(Arc::new(RecordingInstruments {
                scope,
                recording: Arc::clone(&self.0),
                noop: TelemetryProvider::noop()
                    .meter_provider()
                    .get_meter(scope, None),
            }))
        }
    }

    macro_rules! noop_instrument {
        ($method:ident, async $value:ty) => {
            fn $method(
                &self,
                builder: AsyncInstrumentBuilder<'_, Arc<dyn AsyncMeasure<Value = $value>>, $value>,
            ) -> Arc<dyn AsyncMeasure<Value = $value>> {
                let callback = builder.get_callback();
                self.noop
                    .$method(builder.get_name().clone(), move |m| callback(m))
                    .build()
            }
        };
        ($method:ident, $instrument:ty) => {
            fn $method(&self, builder: InstrumentBuilder<'_, $instrument>) -> $instrument {
                self.noop.$method(builder.get_name().clone()).build()
            }
        };
    }

    impl ProvideInstrument for RecordingInstruments {
        // The kinds of instrument the orchestrator does not use are the no-op ones.
        noop_instrument!(create_gauge, async f64);
        noop_instrument!(create_up_down_counter, Arc<dyn UpDownCounter>);
        noop_instrument!(create_async_up_down_counter, async i64);
        noop_instrument!(create_monotonic_counter, Arc<dyn MonotonicCounter>);
        noop_instrument!(create_async_monotonic_counter, async u64);
        fn create_histogram(
            &self,
            builder: InstrumentBuilder<'_, Arc<dyn Histogram>>,
        ) -> Arc<dyn Histogram> {
            Arc::new(RecordingHistogram {
                scope: self.scope,
                instrument: builder.get_name().to_string(),
                recording: Arc::clone(&self.recording),
            })
        }
    }

    impl Histogram for RecordingHistogram {
        fn record(
            &self,
            _value: f64,
            attributes: Option<&Attributes>,
            _: Option<&dyn TelemetryContext>,
        ) {
            let attributes = attributes
                .map(|a| {
                    a.attributes()
                        .iter()
                        .map(|(k, v)| {
                            let v = match v {
                                AttributeValue::String(s) => s.clone(),
                                other => format!("{other:?}"),
                            };
                            (k.clone(), v)
                        })
                        .collect()
                })
                .unwrap_or_default();
            self.recording
                .0
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(Recorded {
                    scope: self.scope,
                    instrument: self.instrument.clone(),
                    attributes,
                });
        }
    }

    /// The recording provider, installed once as the global telemetry provider.
    pub(super) fn recording() -> Arc<Recording> {
        static RECORDING: OnceLock<Arc<Recording>> = OnceLock::new();
        RECORDING
            .get_or_init(|| {
                let meters = RecordingMeters::default();
                let recording = Arc::clone(&meters.0);
                aws_smithy_observability::global::set_telemetry_provider(
                    TelemetryProvider::builder()
                        .meter_provider(Arc::new(meters))
                        .build(),
                )
                .expect("telemetry provider installed");
                recording
            })
            .clone()
    }
}

#[tokio::test]
async fn calls_record_the_orchestrator_metrics_with_the_global_telemetry_provider() {
    let recording = meters::recording();
    let server = serve(|_| Reply::json(200, json!({"connectionSummaries": []}))).await;
    pca(&server)
        .list_connections()
        .catalog("AWS")
        .send()
        .await
        .expect("call succeeds");
    let recorded: Vec<Recorded> = recording
        .0
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .filter(|r| r.attributes.get("rpc.method").map(String::as_str) == Some("ListConnections"))
        .cloned()
        .collect();
    for instrument in [
        "smithy.client.call.duration",
        "smithy.client.call.attempt.duration",
    ] {
        let values: Vec<&Recorded> = recorded
            .iter()
            .filter(|r| r.instrument == instrument)
            .collect();
        assert_eq!(values.len(), 1, "{instrument}: {recorded:#?}");
        assert_eq!(values[0].scope, "partnercentralaccount");
        assert_eq!(
            values[0].attributes.get("rpc.service").map(String::as_str),
            Some("partnercentralaccount")
        );
    }
}
