//! AWS Partner Central Account: list the connections of a catalog, one call and then page by
//! page with the paginator.
//!
//! Configuration comes from the environment: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
//! `AWS_SESSION_TOKEN` (optional), `AWS_REGION` (default `us-east-1`), and
//! `AWS_ENDPOINT_URL_PARTNERCENTRAL_ACCOUNT` to call another endpoint than the region's.

use partnercentralaccount::error::ProvideErrorMetadata;
use partnercentralaccount::operation::list_connections::ListConnectionsError;
use partnercentralaccount::{Client, Config};
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
    config.set_endpoint_url(env("AWS_ENDPOINT_URL_PARTNERCENTRAL_ACCOUNT"));
    let client = Client::from_conf(config.build());

    // One call: `catalog` is required; `build()` (run by `send()`) refuses the call without it.
    match client
        .list_connections()
        .catalog("AWS")
        .max_results(10)
        .send()
        .await
    {
        Ok(page) => {
            for connection in page.connection_summaries() {
                println!(
                    "{:?} {:?}",
                    connection.id(),
                    connection.other_participant_account_id()
                );
            }
        }
        Err(err) => {
            match err.as_service_error() {
                Some(ListConnectionsError::ValidationException(e)) => {
                    eprintln!("rejected: {e} (reason {:?})", e.reason());
                }
                Some(ListConnectionsError::AccessDeniedException(e)) => eprintln!("denied: {e}"),
                // Other modeled errors, codes the model does not know, and failures that never
                // reached the service (validation, timeouts, connection errors).
                _ => eprintln!("{} (code {:?})", Report(&err), err.code()),
            }
            return Err(err.into());
        }
    }

    // Every page, following `NextToken` until the service stops returning one.
    let mut pages = client
        .list_connections()
        .catalog("AWS")
        .into_paginator()
        .page_size(50)
        .send();
    while let Some(page) = pages.next().await {
        let page = page?;
        println!("{} connections", page.connection_summaries().len());
    }
    Ok(())
}
