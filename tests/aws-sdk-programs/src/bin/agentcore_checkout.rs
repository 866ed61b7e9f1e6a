//! A checkout agent opens a payment session with a spending limit, reads it back and prints it.
//!
//! Written against aws-sdk-rust (`aws-sdk-bedrockagentcore`); see `COMPAT.md` next to `Cargo.toml`.
//! The client is configured from an `aws_types::SdkConfig` put together by hand (what
//! `aws_config::load_from_env()` would return), as an application that owns its settings does.
//!
//! Nothing is sent unless `AWS_ENDPOINT_URL_BEDROCK_AGENTCORE` names an endpoint (plain HTTP, such
//! as a local mock): without it the program builds its configuration, client and requests, and
//! prints what it would do.

use std::error::Error;
use std::time::Duration;

use aws_sdk_bedrockagentcore as agentcore;

use agentcore::Client;
use agentcore::config::retry::RetryConfig;
use agentcore::config::timeout::TimeoutConfig;
use agentcore::config::{BehaviorVersion, Credentials, Region, SharedCredentialsProvider};
use agentcore::error::{BuildError, DisplayErrorContext, ProvideErrorMetadata, SdkError};
use agentcore::operation::RequestId;
use agentcore::operation::create_payment_session::{
    CreatePaymentSessionError, CreatePaymentSessionOutput,
};
use agentcore::operation::get_payment_session::GetPaymentSessionError;
use agentcore::primitives::{DateTime, DateTimeFormat};
use agentcore::types::{Amount, Currency, PaymentSession, SessionLimits};

const ENDPOINT_VAR: &str = "AWS_ENDPOINT_URL_BEDROCK_AGENTCORE";
const DEFAULT_MANAGER_ARN: &str =
    "arn:aws:bedrock-agentcore:us-east-1:123456789012:payment-manager/checkout-agent-a1b2c3d4e5";

/// The shared configuration: region, static credentials, retries and timeouts, and the endpoint
/// override when there is one. `http_client` is the plain-HTTP client for a local endpoint.
pub fn shared_config(
    endpoint_url: Option<String>,
    http_client: Option<agentcore::config::SharedHttpClient>,
) -> aws_types::SdkConfig {
    let env = |name: &str| std::env::var(name).ok();
    let credentials = Credentials::new(
        env("AWS_ACCESS_KEY_ID").unwrap_or_else(|| "AKIDEXAMPLE".to_string()),
        env("AWS_SECRET_ACCESS_KEY")
            .unwrap_or_else(|| "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY".to_string()),
        env("AWS_SESSION_TOKEN"),
        None,
        "checkout-agent",
    );
    let mut builder = aws_types::SdkConfig::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new(
            env("AWS_REGION").unwrap_or_else(|| "us-east-1".to_string()),
        ))
        .credentials_provider(SharedCredentialsProvider::new(credentials))
        .retry_config(
            RetryConfig::standard()
                .with_max_attempts(4)
                .with_initial_backoff(Duration::from_millis(200)),
        )
        .timeout_config(
            TimeoutConfig::builder()
                .connect_timeout(Duration::from_secs(3))
                .operation_attempt_timeout(Duration::from_secs(10))
                .operation_timeout(Duration::from_secs(30))
                .build(),
        );
    builder.set_endpoint_url(endpoint_url);
    builder.set_http_client(http_client);
    builder.build()
}

/// The limits of a checkout session: at most `amount` US dollars.
///
/// `Amount` has two required members that are not structures, so its builder is fallible;
/// `SessionLimits`' only required member targets a structure, so its builder is not.
pub fn checkout_limits(amount: &str) -> Result<SessionLimits, BuildError> {
    let max_spend = Amount::builder()
        .value(amount)
        .currency(Currency::Usd)
        .build()?;
    Ok(SessionLimits::builder().max_spend_amount(max_spend).build())
}

/// Opens a session for `user_id` that expires after `minutes`.
pub async fn open_session(
    client: &Client,
    manager_arn: &str,
    user_id: &str,
    minutes: i32,
    limits: SessionLimits,
) -> Result<CreatePaymentSessionOutput, SdkError<CreatePaymentSessionError>> {
    client
        .create_payment_session()
        .payment_manager_arn(manager_arn)
        .user_id(user_id)
        .agent_name("checkout-agent")
        .expiry_time_in_minutes(minutes)
        .limits(limits)
        .send()
        .await
}

/// Looks a session up; `None` when the service does not know it.
pub async fn find_session(
    client: &Client,
    manager_arn: &str,
    session_id: &str,
) -> Result<Option<PaymentSession>, Box<dyn Error + Send + Sync>> {
    let result = client
        .get_payment_session()
        .payment_manager_arn(manager_arn)
        .payment_session_id(session_id)
        .send()
        .await;
    match result {
        Ok(output) => Ok(output.payment_session),
        Err(err) => match err.into_service_error() {
            GetPaymentSessionError::ResourceNotFoundException(_) => Ok(None),
            GetPaymentSessionError::ValidationException(e) => {
                Err(format!("invalid request ({}): {}", e.reason().as_str(), e.message()).into())
            }
            other => Err(other.into()),
        },
    }
}

/// One line per session attribute, the way a log line or a receipt shows them.
pub fn describe(session: &PaymentSession) -> Vec<String> {
    let mut lines = vec![
        format!("session {}", session.payment_session_id()),
        format!("manager {}", session.payment_manager_arn()),
        format!("user {}", session.user_id()),
        format!(
            "expires {} minutes after {}",
            session.expiry_time_in_minutes(),
            timestamp(session.created_at())
        ),
        format!("updated {}", timestamp(session.updated_at())),
    ];
    if let Some(max) = session.limits().and_then(|l| l.max_spend_amount()) {
        lines.push(format!("limit {} {}", max.value(), max.currency().as_str()));
    }
    if let Some(available) = session.available_limits()
        && let Some(amount) = available.available_spend_amount()
    {
        let as_of = available
            .updated_at()
            .map(timestamp)
            .unwrap_or_else(|| "unknown".to_string());
        lines.push(format!(
            "available {} {} (as of {as_of})",
            amount.value(),
            amount.currency()
        ));
    }
    lines
}

/// When the session ends, in seconds since the epoch.
pub fn expires_at_epoch_seconds(session: &PaymentSession) -> i64 {
    session.created_at().secs() + i64::from(session.expiry_time_in_minutes()) * 60
}

fn timestamp(t: &DateTime) -> String {
    t.fmt(DateTimeFormat::DateTime)
        .unwrap_or_else(|_| format!("{}s", t.secs()))
}

/// What to tell the operator when opening a session fails.
pub fn explain_create_error(err: &SdkError<CreatePaymentSessionError>) -> String {
    let request_id = err.request_id().unwrap_or("-").to_string();
    match err {
        SdkError::ServiceError(context) => match context.err() {
            CreatePaymentSessionError::ServiceQuotaExceededException(e) => format!(
                "too many open sessions: {} (request {request_id})",
                e.message().unwrap_or("no details")
            ),
            CreatePaymentSessionError::ConflictException(e) => {
                format!("conflicting session: {:?}", e.message())
            }
            CreatePaymentSessionError::ValidationException(e) => {
                let fields: Vec<String> = e
                    .field_list()
                    .iter()
                    .map(|f| format!("{}: {}", f.name(), f.message()))
                    .collect();
                format!("rejected: {} [{}]", e.message(), fields.join("; "))
            }
            other if other.is_throttling_exception() || other.is_internal_server_exception() => {
                format!("try again later: {}", DisplayErrorContext(other))
            }
            other => format!(
                "{} (code {}, request {request_id}, HTTP {})",
                other.message().unwrap_or("unknown error"),
                other.code().unwrap_or("none"),
                context.raw().status().as_u16()
            ),
        },
        SdkError::TimeoutError(_) => "timed out".to_string(),
        SdkError::DispatchFailure(failure) if failure.is_timeout() => {
            "timed out while connecting".to_string()
        }
        SdkError::ConstructionFailure(_) => format!("bad request: {}", DisplayErrorContext(err)),
        _ => DisplayErrorContext(err).to_string(),
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error + Send + Sync>> {
    let manager_arn =
        std::env::var("PAYMENT_MANAGER_ARN").unwrap_or_else(|_| DEFAULT_MANAGER_ARN.to_string());
    let endpoint = std::env::var(ENDPOINT_VAR).ok();
    let http_client = endpoint
        .as_ref()
        .map(|_| aws_smithy_http_client::Builder::new().build_http());
    let sdk_config = shared_config(endpoint.clone(), http_client);
    let client = Client::new(&sdk_config);
    println!(
        "aws-sdk-bedrockagentcore {} in {:?}",
        agentcore::meta::PKG_VERSION,
        client.config().region()
    );

    let limits = checkout_limits("25.00")?;
    // What a receipt of a session with these limits looks like; shown without calling out.
    let sample = PaymentSession::builder()
        .payment_session_id("ps-0123456789")
        .payment_manager_arn(&manager_arn)
        .user_id("customer-42")
        .expiry_time_in_minutes(60)
        .limits(limits.clone())
        .created_at(DateTime::from_secs(1_767_225_600))
        .updated_at(DateTime::from_secs(1_767_225_600))
        .build()?;
    for line in describe(&sample) {
        println!("  {line}");
    }
    println!("  ends at {}", expires_at_epoch_seconds(&sample));

    if endpoint.is_none() {
        println!("{ENDPOINT_VAR} is not set: not calling the service");
        return Ok(());
    }
    let created = match open_session(&client, &manager_arn, "customer-42", 60, limits).await {
        Ok(created) => created,
        Err(err) => {
            eprintln!("{}", explain_create_error(&err));
            return Err(err.into());
        }
    };
    println!("request {:?}", created.request_id());
    let Some(session) = created.payment_session() else {
        return Err("the service returned no session".into());
    };
    match find_session(&client, &manager_arn, session.payment_session_id()).await? {
        Some(found) => describe(&found).iter().for_each(|l| println!("  {l}")),
        None => println!("session {} is gone already", session.payment_session_id()),
    }
    Ok(())
}
