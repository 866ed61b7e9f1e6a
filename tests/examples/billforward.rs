//! BillForward usage sessions: start a session, then list the subscription's active sessions
//! with the offset paginator.
//!
//! Configuration comes from the environment: `BILLFORWARD_TOKEN` (sent as
//! `Authorization: Bearer ...` when set), `BILLFORWARD_SUBSCRIPTION_ID`, and
//! `BILLFORWARD_ENDPOINT_URL` (default: the BillForward sandbox).

use billforward::error::ProvideErrorMetadata;
use billforward::operation::start_usage_session::StartUsageSessionError;
use billforward::types::{CompoundUsageSession, Order, UsageSession};
use billforward::{Client, Config};
use sdk_runtime::Report;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let env = |name: &str| std::env::var(name).ok();
    let mut config = Config::builder();
    config
        .set_bearer_token(env("BILLFORWARD_TOKEN"))
        .set_endpoint_url(env("BILLFORWARD_ENDPOINT_URL"));
    let client = Client::from_conf(config.build());
    let subscription_id = env("BILLFORWARD_SUBSCRIPTION_ID").unwrap_or("SUB-0001".into());

    let session = UsageSession::builder()
        .subscription_id(&subscription_id)
        .session_id("build-42")
        .pricing_component_id("PCO-0001")
        .pricing_component_name("CI minutes")
        .uom("minutes")
        .build()?;
    let sessions = CompoundUsageSession::builder()
        .usage_sessions(session)
        .build()?;
    match client
        .start_usage_session()
        .usage_sessions(sessions)
        .send()
        .await
    {
        Ok(out) => println!("started {} session(s)", out.results().len()),
        Err(err) => {
            // Any non-2xx response decodes as BillForward's error body.
            if let Some(StartUsageSessionError::BfError(e)) = err.as_service_error() {
                eprintln!(
                    "{:?}: {:?} (parameters {:?})",
                    e.error_type(),
                    e.error_message(),
                    e.error_parameters()
                );
            } else {
                eprintln!("{} (code {:?})", Report(&err), err.code());
            }
            return Err(err.into());
        }
    }

    // Pages by `offset` / `records` until a short page.
    let mut active = client
        .get_active_sessions_for_subscription()
        .subscription_id(&subscription_id)
        .order(Order::Desc)
        .into_paginator()
        .page_size(25)
        .items()
        .send();
    while let Some(session) = active.next().await {
        let session = session?;
        println!(
            "{} started {:?}, state {:?}",
            session.session_id(),
            session.start(),
            session.state()
        );
    }
    Ok(())
}
