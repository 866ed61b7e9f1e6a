//! Lists a partner's connections in the AWS catalog and prints, per connection type, the active
//! ones with the name of the participant on the other side.
//!
//! Written against aws-sdk-rust (`aws-sdk-partnercentralaccount`); see `COMPAT.md` next to
//! `Cargo.toml`. The client is configured with `Config::builder()` and a shared credentials
//! provider; connections are read with the item paginator and errors explained per variant.
//!
//! Nothing is sent unless `AWS_ENDPOINT_URL_PARTNERCENTRAL_ACCOUNT` names an endpoint (plain HTTP,
//! such as a local mock): without it the report runs on connections built in memory, and the
//! error explanations on an error built in memory.

use std::collections::HashMap;
use std::error::Error;
use std::time::Duration;

use aws_sdk_partnercentralaccount as partnercentral;

use partnercentral::config::retry::RetryConfig;
use partnercentral::config::timeout::TimeoutConfig;
use partnercentral::config::{
    BehaviorVersion, Credentials, Region, SharedCredentialsProvider, StalledStreamProtectionConfig,
};
use partnercentral::error::{BuildError, DisplayErrorContext, ProvideErrorMetadata, SdkError};
use partnercentral::operation::list_connections::{ListConnectionsError, ListConnectionsOutput};
use partnercentral::primitives::DateTime;
use partnercentral::types::error::ValidationException;
use partnercentral::types::{
    AccountSummary, ConnectionSummary, ConnectionType, ConnectionTypeStatus, ConnectionTypeSummary,
    FieldValidationCode, FieldValidationError, Participant, PartnerProfileSummary, ValidationError,
    ValidationExceptionReason,
};
use partnercentral::{Client, Config};

const ENDPOINT_VAR: &str = "AWS_ENDPOINT_URL_PARTNERCENTRAL_ACCOUNT";

/// The client's configuration; `endpoint_url` points it at a plain-HTTP endpoint.
pub fn config(endpoint_url: Option<&str>) -> Config {
    let credentials = SharedCredentialsProvider::new(Credentials::new(
        "AKIDEXAMPLE",
        "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        None,
        None,
        "partner-report",
    ));
    let mut builder = Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::from_static("us-east-1"))
        .retry_config(RetryConfig::standard().with_max_attempts(3))
        .timeout_config(
            TimeoutConfig::builder()
                .operation_attempt_timeout(Duration::from_secs(5))
                .build(),
        )
        .stalled_stream_protection(StalledStreamProtectionConfig::enabled().build());
    builder.set_credentials_provider(Some(credentials));
    if let Some(url) = endpoint_url {
        builder.set_endpoint_url(Some(url.to_string()));
        builder.set_http_client(Some(aws_smithy_http_client::Builder::new().build_http()));
    }
    builder.build()
}

/// Every connection of the catalog, optionally only those of one type, through the item
/// paginator.
pub async fn connections(
    client: &Client,
    catalog: &str,
    connection_type: Option<&ConnectionType>,
) -> Result<Vec<ConnectionSummary>, SdkError<ListConnectionsError>> {
    let mut items = client
        .list_connections()
        .catalog(catalog)
        .set_connection_type(connection_type.map(|t| t.as_str().to_string()))
        .into_paginator()
        .page_size(20)
        .items()
        .send();
    let mut out = Vec::new();
    while let Some(connection) = items.next().await {
        out.push(connection?);
    }
    Ok(out)
}

/// The first page of connections with any of the given participants.
pub async fn connections_with(
    client: &Client,
    catalog: &str,
    participants: &[&str],
) -> Result<ListConnectionsOutput, SdkError<ListConnectionsError>> {
    let mut request = client.list_connections().catalog(catalog).max_results(10);
    for participant in participants {
        request = request.other_participant_identifiers(*participant);
    }
    request.send().await
}

/// The participant's display name.
pub fn participant_name(participant: &Participant) -> String {
    match participant {
        Participant::PartnerProfile(p) => format!("partner {} ({})", p.name(), p.id()),
        Participant::SellerProfile(s) => format!("seller {} ({})", s.name(), s.id()),
        Participant::Account(a) => format!("account {}", a.name()),
        _ => "an unknown kind of participant".to_string(),
    }
}

/// Active connections per connection type: connection id and the other participant.
pub fn active_by_type(connections: &[ConnectionSummary]) -> HashMap<ConnectionType, Vec<String>> {
    let mut out: HashMap<ConnectionType, Vec<String>> = HashMap::new();
    for connection in connections {
        let types: &HashMap<ConnectionType, ConnectionTypeSummary> = connection.connection_types();
        for (kind, summary) in types {
            if *summary.status() != ConnectionTypeStatus::Active {
                continue;
            }
            let other = summary
                .other_participant()
                .map(participant_name)
                .unwrap_or_else(|| connection.other_participant_account_id().to_string());
            out.entry(kind.clone())
                .or_default()
                .push(format!("{} with {other}", connection.id()));
        }
    }
    out
}

/// Whether the connection has been updated since `since`.
pub fn updated_since(connection: &ConnectionSummary, since: &DateTime) -> bool {
    connection.updated_at().secs() >= since.secs()
}

/// What to tell the operator about a failed listing.
pub fn explain(err: &SdkError<ListConnectionsError>) -> String {
    let Some(service_error) = err.as_service_error() else {
        return format!("no answer from the service: {}", DisplayErrorContext(err));
    };
    match service_error {
        ListConnectionsError::ValidationException(e) => explain_validation(e),
        ListConnectionsError::AccessDeniedException(e) => {
            format!("access denied ({}): {}", e.reason().as_str(), e.message())
        }
        ListConnectionsError::ThrottlingException(e) => format!(
            "throttled: {} (service {}, quota {})",
            e.message(),
            e.service_code().unwrap_or("-"),
            e.quota_code().unwrap_or("-")
        ),
        ListConnectionsError::InternalServerException(e) => {
            format!("service failure: {}", e.message())
        }
        other => format!(
            "{}: {}",
            other.code().unwrap_or("unknown"),
            other.meta().message().unwrap_or("no message")
        ),
    }
}

fn explain_validation(e: &ValidationException) -> String {
    let mut out = format!("invalid request ({:?}): {}", e.reason(), e.message());
    for detail in e.error_details() {
        match detail {
            ValidationError::FieldValidationError(field) => out.push_str(&format!(
                "\n  field {} ({}): {}",
                field.name(),
                field.code(),
                field.message()
            )),
            ValidationError::BusinessValidationError(business) => out.push_str(&format!(
                "\n  {}: {}",
                business.code().as_str(),
                business.message()
            )),
            other if other.is_unknown() => {
                out.push_str("\n  (a kind of problem this SDK does not know)")
            }
            _ => {}
        }
    }
    out
}

/// Connections as the service would return them, for running the report offline.
pub fn sample_connections() -> Result<Vec<ConnectionSummary>, BuildError> {
    let partner = Participant::PartnerProfile(
        PartnerProfileSummary::builder()
            .id("pprof-0123456789abcdef")
            .name("Example Partner")
            .build()?,
    );
    let collaboration = ConnectionTypeSummary::builder()
        .status(ConnectionTypeStatus::Active)
        .other_participant(partner)
        .build()?;
    let subsidiary = ConnectionTypeSummary::builder()
        .status(ConnectionTypeStatus::from("CANCELED"))
        .other_participant(Participant::Account(
            AccountSummary::builder()
                .name("Example Subsidiary")
                .build()?,
        ))
        .build()?;
    let connection = ConnectionSummary::builder()
        .catalog("AWS")
        .id("conn-0123456789abc")
        .arn("arn:aws:partnercentral:us-east-1:123456789012:catalog/AWS/connection/conn-0123456789abc")
        .other_participant_account_id("210987654321")
        .updated_at(DateTime::from_secs(1_767_225_600))
        .connection_types(ConnectionType::OpportunityCollaboration, collaboration)
        .connection_types(ConnectionType::Subsidiary, subsidiary)
        .build()?;
    Ok(vec![connection])
}

/// A validation error as the service would return it.
pub fn sample_validation_error() -> Result<ListConnectionsError, BuildError> {
    let field = FieldValidationError::builder()
        .name("Catalog")
        .message("must be AWS or Sandbox")
        .code(FieldValidationCode::InvalidValue)
        .build()?;
    let exception = ValidationException::builder()
        .message("The request is not valid")
        .reason(ValidationExceptionReason::RequestValidationFailed)
        .error_details(ValidationError::FieldValidationError(field))
        .build()?;
    Ok(ListConnectionsError::ValidationException(exception))
}

fn report(connections: &[ConnectionSummary]) {
    let mut by_type: Vec<_> = active_by_type(connections).into_iter().collect();
    by_type.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
    for (kind, entries) in by_type {
        println!("{kind}:");
        for entry in entries {
            println!("  {entry}");
        }
    }
    let since = DateTime::from_secs(1_700_000_000);
    let recent = connections
        .iter()
        .filter(|c| updated_since(c, &since))
        .count();
    println!("{recent} of {} updated recently", connections.len());
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error + Send + Sync>> {
    let endpoint = std::env::var(ENDPOINT_VAR).ok();
    let client = Client::from_conf(config(endpoint.as_deref()));
    println!(
        "aws-sdk-partnercentralaccount {}, connection types {:?}",
        partnercentral::meta::PKG_VERSION,
        ConnectionType::values()
    );

    if endpoint.is_none() {
        report(&sample_connections()?);
        let error = sample_validation_error()?;
        println!("{}", explain_validation_error(&error));
        println!("{ENDPOINT_VAR} is not set: not calling the service");
        return Ok(());
    }

    let all = match connections(&client, "AWS", None).await {
        Ok(all) => all,
        Err(err) => {
            eprintln!("{}", explain(&err));
            return Err(err.into());
        }
    };
    report(&all);
    let page = connections_with(&client, "AWS", &["210987654321"]).await?;
    println!(
        "{} connections with 210987654321, more: {}",
        page.connection_summaries().len(),
        page.next_token().is_some()
    );
    Ok(())
}

fn explain_validation_error(error: &ListConnectionsError) -> String {
    match error {
        ListConnectionsError::ValidationException(e) => explain_validation(e),
        other => format!("{other}"),
    }
}
