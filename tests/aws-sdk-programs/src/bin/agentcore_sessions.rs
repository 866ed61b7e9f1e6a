//! A nightly report of the payment sessions of one payment manager: every session, which have
//! expired, and a look at the newest one.
//!
//! Written against aws-sdk-rust (`aws-sdk-bedrockagentcore`); see `COMPAT.md` next to `Cargo.toml`.
//! The client is configured with `Config::builder()` (starting from an `SdkConfig` and
//! overriding retries), and the sessions are read with both paginators and by hand.
//!
//! Nothing is sent unless `AWS_ENDPOINT_URL_BEDROCK_AGENTCORE` names an endpoint (plain HTTP, such
//! as a local mock): without it the report runs on a page built in memory.

use std::collections::BTreeMap;
use std::error::Error;
use std::time::{Duration, SystemTime};

use aws_sdk_bedrockagentcore as agentcore;

use agentcore::config::retry::{RetryConfig, RetryMode};
use agentcore::config::timeout::TimeoutConfig;
use agentcore::config::{BehaviorVersion, Credentials, Region};
use agentcore::error::{BuildError, DisplayErrorContext, ProvideErrorMetadata, SdkError};
use agentcore::operation::get_payment_session::GetPaymentSessionError;
use agentcore::operation::list_payment_sessions::{
    ListPaymentSessionsError, ListPaymentSessionsInput, ListPaymentSessionsOutput,
};
use agentcore::primitives::DateTime;
use agentcore::types::PaymentSessionSummary;
use agentcore::{Client, Config};

const ENDPOINT_VAR: &str = "AWS_ENDPOINT_URL_BEDROCK_AGENTCORE";
const DEFAULT_MANAGER_ARN: &str =
    "arn:aws:bedrock-agentcore:us-east-1:123456789012:payment-manager/checkout-agent-a1b2c3d4e5";

/// A service config for batch jobs: the shared settings, with more patient retries.
pub fn batch_config(shared: &aws_types::SdkConfig) -> Config {
    agentcore::config::Builder::from(shared)
        .retry_config(
            RetryConfig::standard()
                .with_retry_mode(RetryMode::Standard)
                .with_max_attempts(8)
                .with_max_backoff(Duration::from_secs(20)),
        )
        .timeout_config(
            TimeoutConfig::builder()
                .operation_timeout(Duration::from_secs(120))
                .build(),
        )
        .build()
}

/// A service config from scratch, without any shared configuration.
pub fn standalone_config(endpoint_url: Option<&str>) -> Config {
    let mut builder = Config::builder()
        .behavior_version(BehaviorVersion::latest())
        // `region` takes `impl Into<Option<Region>>`: an unset variable leaves it unset.
        .region(std::env::var("AWS_REGION").ok().map(Region::new))
        .credentials_provider(Credentials::new(
            "AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            None,
            None,
            "nightly-report",
        ))
        .retry_config(RetryConfig::disabled());
    if let Some(url) = endpoint_url {
        builder = builder
            .endpoint_url(url)
            .http_client(aws_smithy_http_client::Builder::new().build_http());
    }
    builder.build()
}

/// Every session of the manager, through the item paginator.
pub async fn all_sessions(
    client: &Client,
    manager_arn: &str,
) -> Result<Vec<PaymentSessionSummary>, SdkError<ListPaymentSessionsError>> {
    client
        .list_payment_sessions()
        .payment_manager_arn(manager_arn)
        .into_paginator()
        .page_size(50)
        .items()
        .send()
        .try_collect()
        .await
}

/// Sessions per user, through the page paginator.
pub async fn sessions_per_user(
    client: &Client,
    manager_arn: &str,
) -> Result<BTreeMap<String, usize>, SdkError<ListPaymentSessionsError>> {
    let mut counts = BTreeMap::new();
    let mut pages = client
        .list_payment_sessions()
        .payment_manager_arn(manager_arn)
        .into_paginator()
        .send();
    while let Some(page) = pages.try_next().await? {
        for summary in page.payment_sessions() {
            *counts.entry(summary.user_id().to_string()).or_insert(0) += 1;
        }
    }
    Ok(counts)
}

/// The first `limit` sessions, paging by hand with `next_token`.
pub async fn first_sessions(
    client: &Client,
    manager_arn: &str,
    user_id: Option<String>,
    limit: usize,
) -> Result<Vec<PaymentSessionSummary>, SdkError<ListPaymentSessionsError>> {
    let mut out = Vec::new();
    let mut next_token: Option<String> = None;
    loop {
        let page = client
            .list_payment_sessions()
            .payment_manager_arn(manager_arn)
            .set_user_id(user_id.clone())
            .set_next_token(next_token.take())
            .max_results(20)
            .send()
            .await?;
        next_token = page.next_token().map(str::to_string);
        out.extend(page.payment_sessions);
        if out.len() >= limit || next_token.is_none() {
            out.truncate(limit);
            return Ok(out);
        }
    }
}

/// The sessions whose expiry time has passed at `now`.
pub fn expired<'a>(
    sessions: &'a [PaymentSessionSummary],
    now: &DateTime,
) -> Vec<&'a PaymentSessionSummary> {
    sessions
        .iter()
        .filter(|s| {
            let ends = s.created_at().secs() + i64::from(s.expiry_time_in_minutes()) * 60;
            ends <= now.secs()
        })
        .collect()
}

/// The most recently updated session.
pub fn newest(sessions: &[PaymentSessionSummary]) -> Option<&PaymentSessionSummary> {
    sessions.iter().max_by_key(|s| s.updated_at().secs())
}

/// Reads the newest session again with its limits; one attempt only, whatever the client's
/// retry settings.
pub async fn refresh(
    client: &Client,
    summary: &PaymentSessionSummary,
) -> Result<String, Box<dyn Error + Send + Sync>> {
    let result = client
        .get_payment_session()
        .payment_manager_arn(summary.payment_manager_arn())
        .payment_session_id(summary.payment_session_id())
        .customize()
        .config_override(Config::builder().retry_config(RetryConfig::disabled()))
        .send()
        .await;
    let output = match result {
        Ok(output) => output,
        Err(err)
            if err
                .as_service_error()
                .is_some_and(|e| e.is_resource_not_found_exception()) =>
        {
            return Ok(format!("{} was deleted", summary.payment_session_id()));
        }
        Err(err) => {
            if let Some(GetPaymentSessionError::AccessDeniedException(denied)) =
                err.as_service_error()
            {
                return Err(
                    format!("denied: {}", denied.message().unwrap_or("no reason given")).into(),
                );
            }
            return Err(Box::new(err));
        }
    };
    let limit = output
        .payment_session()
        .and_then(|s| s.limits())
        .and_then(|l| l.max_spend_amount())
        .map(|a| format!("{} {}", a.value(), a.currency().as_str()))
        .unwrap_or_else(|| "no limit".to_string());
    Ok(format!("{}: {limit}", summary.payment_session_id()))
}

/// A page as the service would return it, for running the report offline.
pub fn sample_page(manager_arn: &str) -> Result<ListPaymentSessionsOutput, BuildError> {
    let summary = |id: &str, user: &str, created: i64, minutes: i32| {
        PaymentSessionSummary::builder()
            .payment_session_id(id)
            .payment_manager_arn(manager_arn)
            .user_id(user)
            .expiry_time_in_minutes(minutes)
            .created_at(DateTime::from_secs(created))
            .updated_at(DateTime::from_secs(created + 60))
            .build()
    };
    ListPaymentSessionsOutput::builder()
        .payment_sessions(summary("ps-0000000001", "customer-1", 1_767_225_600, 15)?)
        .payment_sessions(summary("ps-0000000002", "customer-2", 1_767_229_200, 480)?)
        .set_next_token(None)
        .build()
}

/// The input the report's first request sends.
pub fn first_request(manager_arn: &str) -> Result<ListPaymentSessionsInput, BuildError> {
    ListPaymentSessionsInput::builder()
        .payment_manager_arn(manager_arn)
        .max_results(50)
        .build()
}

fn report(sessions: &[PaymentSessionSummary], now: &DateTime) {
    println!("{} sessions", sessions.len());
    for s in expired(sessions, now) {
        println!(
            "  expired: {} (user {})",
            s.payment_session_id(),
            s.user_id()
        );
    }
    if let Some(s) = newest(sessions) {
        println!(
            "  newest: {} updated at {}",
            s.payment_session_id(),
            s.updated_at()
        );
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error + Send + Sync>> {
    let manager_arn =
        std::env::var("PAYMENT_MANAGER_ARN").unwrap_or_else(|_| DEFAULT_MANAGER_ARN.to_string());
    let endpoint = std::env::var(ENDPOINT_VAR).ok();
    let now = DateTime::from(SystemTime::now());

    let request = first_request(&manager_arn)?;
    println!(
        "listing {} sessions at a time for {}",
        request.max_results().unwrap_or_default(),
        request.payment_manager_arn().unwrap_or_default()
    );
    let Some(url) = endpoint else {
        let page = sample_page(&manager_arn)?;
        report(page.payment_sessions(), &now);
        println!("{ENDPOINT_VAR} is not set: not calling the service");
        return Ok(());
    };

    let shared = aws_types::SdkConfig::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(agentcore::config::SharedCredentialsProvider::new(
            Credentials::new("AKIDEXAMPLE", "secret", None, None, "nightly-report"),
        ))
        .endpoint_url(url.clone())
        .http_client(aws_smithy_http_client::Builder::new().build_http())
        .build();
    let client = Client::from_conf(batch_config(&shared));
    let _other = Client::from_conf(standalone_config(Some(&url)));

    let sessions = match all_sessions(&client, &manager_arn).await {
        Ok(sessions) => sessions,
        Err(err) => {
            match err.as_service_error() {
                Some(ListPaymentSessionsError::ValidationException(e)) => {
                    eprintln!("bad request: {} ({:?})", e.message(), e.reason())
                }
                Some(e) => eprintln!(
                    "{}: {}",
                    e.code().unwrap_or("?"),
                    e.message().unwrap_or("?")
                ),
                None => eprintln!("{}", DisplayErrorContext(&err)),
            }
            return Err(err.into());
        }
    };
    report(&sessions, &now);
    for (user, count) in sessions_per_user(&client, &manager_arn).await? {
        println!("  {user}: {count}");
    }
    let first = first_sessions(&client, &manager_arn, None, 5).await?;
    println!("first {} sessions", first.len());
    if let Some(s) = newest(&sessions) {
        println!("{}", refresh(&client, s).await?);
    }
    Ok(())
}
