//! The module paths and re-exports a program written for aws-sdk-rust reaches for exist in the
//! generated crates under the same names (`config::{Region, Credentials, BehaviorVersion, ...}`,
//! `config::retry`, `config::timeout`, `error`, `primitives`, `meta::PKG_VERSION`).

use bedrockagentcore::config::retry::RetryConfig;
use bedrockagentcore::config::timeout::TimeoutConfig;
use bedrockagentcore::config::{
    AppName, BehaviorVersion, Credentials, Region, SharedCredentialsProvider,
};
use bedrockagentcore::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};
use bedrockagentcore::primitives::{DateTime, DateTimeFormat};

#[test]
fn aws_sdk_rust_paths_configure_a_client() {
    let credentials = SharedCredentialsProvider::new(Credentials::new(
        "AKIDEXAMPLE",
        "secret",
        None,
        None,
        "test",
    ));
    let config = bedrockagentcore::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("eu-west-1"))
        .app_name(AppName::new("paths-test").expect("valid app name"))
        .retry_config(RetryConfig::standard().with_max_attempts(2))
        .timeout_config(TimeoutConfig::disabled());
    let mut config = config;
    config.set_credentials_provider(Some(credentials));
    let client = bedrockagentcore::Client::from_conf(config.build());
    assert!(client.config().endpoint_url().is_none());

    let pca = partnercentralaccount::Config::builder()
        .region(partnercentralaccount::config::Region::new("us-east-1"))
        .credentials_provider(partnercentralaccount::config::Credentials::new(
            "AKIDEXAMPLE",
            "secret",
            None,
            None,
            "test",
        ))
        .build();
    let _ = partnercentralaccount::Client::from_conf(pca);
    let bf = billforward::Config::builder()
        .behavior_version(billforward::config::BehaviorVersion::latest())
        .build();
    let _ = billforward::Client::from_conf(bf);
}

#[test]
fn meta_primitives_and_errors_have_aws_sdk_rust_names() {
    for version in [
        bedrockagentcore::meta::PKG_VERSION,
        partnercentralaccount::meta::PKG_VERSION,
        billforward::meta::PKG_VERSION,
    ] {
        assert!(!version.is_empty());
    }
    let t = DateTime::from_secs(0);
    assert_eq!(
        t.fmt(DateTimeFormat::DateTime).unwrap(),
        "1970-01-01T00:00:00Z"
    );
    let err: SdkError<bedrockagentcore::operation::get_payment_session::GetPaymentSessionError> =
        SdkError::construction_failure("no input");
    assert!(DisplayErrorContext(&err).to_string().contains("no input"));
    assert!(err.code().is_none());
}
