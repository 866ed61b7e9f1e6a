//! What AWS SDKs do for a few services beyond their models, as the Smithy protocol test suite
//! requires of every SDK: API Gateway's `Accept` header, Glacier's version header, account id
//! default and checksum headers, and Machine Learning's per-call `PredictEndpoint`. Each is keyed
//! by the service's `aws.api#service` SDK id and, inside it, found from the model (a member's
//! binding or name), so a renamed operation still gets it. Everything here is data the runtime
//! applies generically; no renderer knows these services.

use super::{Binding, BodyChecksum, Operation, Service};

/// Applies the customisations of `sdk_id` (the `aws.api#service` SDK id) to `service`.
pub fn apply(sdk_id: Option<&str>, version: Option<&str>, service: &mut Service) {
    match sdk_id {
        // API Gateway rejects requests without `Accept: application/json`.
        Some("API Gateway") => service
            .static_headers
            .push(("accept".to_string(), "application/json".to_string())),
        Some("Glacier") => {
            if let Some(version) = version {
                service
                    .static_headers
                    .push(("x-amz-glacier-version".to_string(), version.to_string()));
            }
            for op in &mut service.operations {
                glacier_operation(op);
            }
        }
        Some("Machine Learning") => {
            for op in &mut service.operations {
                if let Some(f) = op
                    .input
                    .fields
                    .iter()
                    .find(|f| f.member == "PredictEndpoint")
                {
                    op.endpoint_member = Some(f.rust_name.clone());
                }
            }
        }
        _ => {}
    }
}

/// Glacier: an unset or empty `accountId` label means the caller's account (`-`), and uploads
/// that carry a tree-hash header get both SHA-256 headers computed from the body.
fn glacier_operation(op: &mut Operation) {
    for f in &op.input.fields {
        if f.member == "accountId" && matches!(f.binding, Binding::Label { .. }) {
            op.input_defaults
                .push((f.rust_name.clone(), "-".to_string()));
        }
    }
    let tree_hash = op.input.fields.iter().any(
        |f| matches!(&f.binding, Binding::Header(h) if h.eq_ignore_ascii_case("x-amz-sha256-tree-hash")),
    );
    if tree_hash {
        op.body_checksums.push(BodyChecksum::Sha256 {
            header: "x-amz-content-sha256".to_string(),
        });
        op.body_checksums.push(BodyChecksum::Sha256TreeHash {
            header: "x-amz-sha256-tree-hash".to_string(),
        });
    }
}
