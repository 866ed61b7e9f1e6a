//! Amazon Bedrock AgentCore: create a payment session, read it back, then list the payment
//! manager's sessions with the paginator.
//!
//! Configuration comes from the environment: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
//! `AWS_SESSION_TOKEN` (optional), `AWS_REGION` (default `us-east-1`), `PAYMENT_MANAGER_ARN`, and
//! `AWS_ENDPOINT_URL_BEDROCK_AGENTCORE` to call another endpoint than the region's.

use bedrockagentcore::error::ProvideErrorMetadata;
use bedrockagentcore::operation::create_payment_session::CreatePaymentSessionError;
use bedrockagentcore::types::{Amount, Currency, SessionLimits};
use bedrockagentcore::{Client, Config};
use sdk_runtime::Report;
use sdk_runtime::types::{Credentials, Region};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let env = |name: &str| std::env::var(name).ok();
    let credentials = Credentials::new(
        env("AWS_ACCESS_KEY_ID").unwrap_or_default(),
        env("AWS_SECRET_ACCESS_KEY").unwrap_or_default(),
        env("AWS_SESSION_TOKEN"),
        None,
        "environment",
    );
    let mut config = Config::builder()
        .region(Region::new(env("AWS_REGION").unwrap_or("us-east-1".into())))
        .credentials_provider(credentials);
    // Unset: the endpoint comes from the service's endpoint rules for the region.
    config.set_endpoint_url(env("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE"));
    let client = Client::from_conf(config.build());

    let manager_arn = env("PAYMENT_MANAGER_ARN").unwrap_or(
        "arn:aws:bedrock-agentcore:us-east-1:123456789012:payment-manager/checkout-agent-a1b2c3d4e5".into(),
    );
    let limits = SessionLimits::builder()
        .max_spend_amount(
            Amount::builder()
                .value("25.00")
                .currency(Currency::Usd)
                .build()?,
        )
        .build();

    // `clientToken` is left unset: the client fills in a UUID, the same on every retry.
    let created = client
        .create_payment_session()
        .payment_manager_arn(&manager_arn)
        .expiry_time_in_minutes(60)
        .limits(limits)
        .send()
        .await;
    let session_id = match created {
        Ok(out) => out
            .payment_session()
            .map(|s| s.payment_session_id().to_string())
            .unwrap_or_default(),
        Err(err) => {
            match err.as_service_error() {
                Some(CreatePaymentSessionError::ServiceQuotaExceededException(e)) => {
                    eprintln!("quota reached: {e}");
                }
                // Every operation error has a code and a message.
                Some(other) => eprintln!("{:?}: {:?}", other.code(), other.message()),
                // Validation, timeouts, connection failures, ...
                None => eprintln!("{}", Report(&err)),
            }
            return Err(err.into());
        }
    };

    let session = client
        .get_payment_session()
        .payment_manager_arn(&manager_arn)
        .payment_session_id(&session_id)
        .send()
        .await?;
    println!("{:?}", session.payment_session());

    let mut sessions = client
        .list_payment_sessions()
        .payment_manager_arn(&manager_arn)
        .into_paginator()
        .page_size(20)
        .items()
        .send();
    while let Some(summary) = sessions.next().await {
        let summary = summary?;
        println!(
            "{} expires after {:?} minutes",
            summary.payment_session_id(),
            summary.expiry_time_in_minutes()
        );
    }
    Ok(())
}
