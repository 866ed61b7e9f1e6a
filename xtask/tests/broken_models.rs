//! Broken models must make `cargo xtask generate` fail cleanly: a non-zero exit (not a panic), an
//! error naming the broken file, the JSON path inside it and the problem, and nothing written.
//!
//! Each test copies the workspace's `models/` tree into a scratch directory, breaks one file and
//! runs the real `xtask` binary on the copy twice: once on the service directory, with a relative
//! path from the scratch directory (as a user would type it), and once on the whole copied tree,
//! with an absolute path.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

/// The workspace's own `models/` directory.
fn workspace_models() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../models")
}

/// A scratch directory holding a fresh copy of `models/`, removed when dropped.
struct Scratch {
    root: PathBuf,
}

impl Scratch {
    fn new(name: &str) -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let root = std::env::temp_dir().join(format!(
            "xtask-broken-models-{}-{n}-{name}",
            std::process::id()
        ));
        if root.exists() {
            fs::remove_dir_all(&root).expect("remove an old scratch directory");
        }
        fs::create_dir_all(&root).expect("create the scratch directory");
        copy_tree(&workspace_models(), &root.join("models"));
        Scratch { root }
    }

    /// The copied models tree (absolute).
    fn models(&self) -> PathBuf {
        self.root.join("models")
    }

    /// A file of the copied models tree, relative to the scratch root (as the CLI reports it when
    /// run from there with a relative `--model`).
    fn relative(&self, file: &str) -> PathBuf {
        Path::new("models").join(file)
    }

    /// A file of the copied models tree, absolute.
    fn absolute(&self, file: &str) -> PathBuf {
        self.models().join(file)
    }

    /// Rewrites a copied model file through `edit`, as pretty JSON.
    fn edit_json(&self, file: &str, edit: impl FnOnce(&mut Value)) {
        let path = self.absolute(file);
        let text = fs::read_to_string(&path).expect("read the model file to break");
        let mut value: Value = serde_json::from_str(&text).expect("the good model parses");
        edit(&mut value);
        let text = serde_json::to_string_pretty(&value).expect("serialise the broken model");
        fs::write(&path, text).expect("write the broken model");
    }

    /// Runs `xtask generate --model MODEL --out OUT` from the scratch root.
    fn generate(&self, models: &[&Path], out: &Path) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_xtask"));
        cmd.current_dir(&self.root).arg("generate").arg("--model");
        cmd.args(models).arg("--out").arg(out);
        cmd.output().expect("spawn the xtask binary")
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        // Best effort: a leftover temp directory must not hide the test's own result.
        let _ = fs::remove_dir_all(&self.root);
    }
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create a directory in the copy");
    for entry in fs::read_dir(from).expect("read a models directory") {
        let entry = entry.expect("read a directory entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy a model file");
        }
    }
}

/// Every file under `dir` with its contents, sorted by relative path.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).expect("read an output directory") {
            let path = entry.expect("read a directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).expect("under dir").to_path_buf();
                files.push((rel, fs::read(&path).expect("read an output file")));
            }
        }
    }
    files.sort();
    files
}

fn describe(output: &Output) -> String {
    format!(
        "exit status: {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// What a clean failure must report.
struct Expected<'a> {
    /// The broken file, exactly as the error must name it.
    file: &'a Path,
    /// The JSON path of the broken value inside that file.
    json_path: &'a str,
    /// Words describing the problem, each of which must appear on the same line.
    problem: &'a [&'a str],
}

/// Asserts the run failed without a panic, named the file, JSON path and problem on one line, and
/// left `out` absent or empty.
fn assert_clean_failure(output: &Output, out: &Path, expected: &Expected<'_>) {
    let report = describe(output);
    let stderr = String::from_utf8_lossy(&output.stderr);
    match output.status.code() {
        Some(0) => panic!("generate succeeded on a broken model\n{report}"),
        Some(101) => panic!("generate panicked (exit 101)\n{report}"),
        None => panic!("generate was killed by a signal\n{report}"),
        Some(_) => {}
    }
    assert!(
        !stderr.contains("panicked"),
        "stderr mentions a panic\n{report}"
    );
    let file = expected.file.display().to_string();
    let located = format!("{file}: {}: ", expected.json_path);
    let line = stderr
        .lines()
        .find(|l| l.contains(&located))
        .unwrap_or_else(|| panic!("no error line contains `{located}`\n{report}"));
    for word in expected.problem {
        assert!(
            line.contains(word),
            "the error for `{located}` does not say `{word}`: {line}\n{report}"
        );
    }
    if out.exists() {
        let written = snapshot(out);
        assert!(
            written.is_empty(),
            "{} holds files after a failed run: {:?}\n{report}",
            out.display(),
            written.iter().map(|(p, _)| p).collect::<Vec<_>>()
        );
    }
}

/// Runs generate on the broken copy as `--model models/<service>` (relative, from the scratch
/// root) and as `--model <abs>/models` (the whole tree), checking both fail cleanly.
fn assert_both_fail(
    scratch: &Scratch,
    service: &str,
    file: &str,
    json_path: &str,
    problem: &[&str],
) {
    let out = scratch.root.join("out-service");
    let service_dir = Path::new("models").join(service);
    let output = scratch.generate(&[&service_dir], &out);
    let relative = scratch.relative(file);
    assert_clean_failure(
        &output,
        &out,
        &Expected {
            file: &relative,
            json_path,
            problem,
        },
    );

    let out = scratch.root.join("out-tree");
    let output = scratch.generate(&[&scratch.models()], &out);
    let absolute = scratch.absolute(file);
    assert_clean_failure(
        &output,
        &out,
        &Expected {
            file: &absolute,
            json_path,
            problem,
        },
    );
}

const STOP: &str = "billforward/operations/StopUsageSession.json";
const STOP_ID: &str = "com.billforward#StopUsageSession";
const ACTIVE: &str = "billforward/operations/GetActiveSessionsForSubscription.json";
const ACTIVE_OP: &str = "com.billforward#GetActiveSessionsForSubscription";
const ACTIVE_INPUT: &str = "com.billforward#GetActiveSessionsForSubscriptionInput";
const GET_PAYMENT: &str = "bedrock-agentcore/operations/GetPaymentSession.json";
const GET_PAYMENT_ID: &str = "com.amazonaws.bedrockagentcore#GetPaymentSession";

/// `$.shapes[<id>]...` as a JSON object value, for editing.
fn shape<'a>(model: &'a mut Value, id: &str) -> &'a mut Value {
    let found = model.get_mut("shapes").and_then(|s| s.get_mut(id));
    found.unwrap_or_else(|| panic!("the model defines no shape {id}"))
}

#[test]
fn good_copy_generates_the_same_crates_as_the_workspace_models() {
    let scratch = Scratch::new("good");
    for service in ["bedrock-agentcore", "billforward", "partnercentral-account"] {
        let out = scratch.root.join(format!("out-{service}"));
        let output = scratch.generate(&[&Path::new("models").join(service)], &out);
        assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            !stderr.lines().any(|l| l.starts_with("error")),
            "{}",
            describe(&output)
        );
        assert!(out.join("Cargo.toml").is_file(), "{}", describe(&output));

        // The copy's location must not leak into the generated code: generating from the
        // workspace's own models gives the same files.
        let reference = scratch.root.join(format!("ref-{service}"));
        let output = scratch.generate(&[&workspace_models().join(service)], &reference);
        assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
        let (ours, theirs) = (snapshot(&out), snapshot(&reference));
        assert!(ours.len() > 2, "too few files generated: {}", ours.len());
        let names = |s: &[(PathBuf, Vec<u8>)]| s.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
        assert_eq!(names(&ours), names(&theirs), "{service}: file lists differ");
        for ((path, a), (_, b)) in ours.iter().zip(&theirs) {
            assert!(
                a == b,
                "{service}: {} differs by model location",
                path.display()
            );
        }
    }

    let out = scratch.root.join("out-tree");
    let output = scratch.generate(&[&scratch.models()], &out);
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    let crates = fs::read_dir(&out)
        .expect("out dir exists")
        .filter_map(Result::ok)
        .filter(|e| e.path().join("Cargo.toml").is_file())
        .count();
    assert_eq!(crates, 3, "one crate per service\n{}", describe(&output));
}

#[test]
fn truncated_operation_file_is_invalid_json() {
    let scratch = Scratch::new("truncated");
    let path = scratch.absolute(STOP);
    let text = fs::read_to_string(&path).expect("read");
    let mut cut = text.len() / 2;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    fs::write(&path, &text[..cut]).expect("truncate");
    assert_both_fail(
        &scratch,
        "billforward",
        STOP,
        "$",
        &["invalid JSON", "line ", "column "],
    );
}

#[test]
fn operation_input_targeting_a_missing_shape() {
    let scratch = Scratch::new("missing-input");
    let missing = "com.amazonaws.bedrockagentcore#NoSuchRequest";
    scratch.edit_json(GET_PAYMENT, |m| {
        shape(m, GET_PAYMENT_ID)["input"]["target"] = Value::from(missing);
    });
    let path = format!("$.shapes[\"{GET_PAYMENT_ID}\"].input.target");
    assert_both_fail(
        &scratch,
        "bedrock-agentcore",
        GET_PAYMENT,
        &path,
        &["unknown shape", missing],
    );
}

#[test]
fn http_label_whose_segment_was_removed_from_the_uri() {
    let scratch = Scratch::new("label-uri");
    scratch.edit_json(ACTIVE, |m| {
        shape(m, ACTIVE_OP)["traits"]["smithy.api#http"]["uri"] =
            Value::from("/usage-sessions/active");
    });
    let path = format!(
        "$.shapes[\"{ACTIVE_INPUT}\"].members.subscriptionId.traits[\"smithy.api#httpLabel\"]"
    );
    assert_both_fail(
        &scratch,
        "billforward",
        ACTIVE,
        &path,
        &["httpLabel", "{subscriptionId}", "/usage-sessions/active"],
    );
}

#[test]
fn http_label_added_to_a_member_with_no_uri_segment() {
    let scratch = Scratch::new("label-member");
    scratch.edit_json(ACTIVE, |m| {
        let traits = &mut shape(m, ACTIVE_INPUT)["members"]["orderBy"]["traits"];
        let traits = traits.as_object_mut().expect("orderBy has traits");
        traits.remove("smithy.api#httpQuery");
        traits.remove("smithy.api#default");
        traits.insert(
            "smithy.api#httpLabel".into(),
            Value::Object(Default::default()),
        );
        traits.insert(
            "smithy.api#required".into(),
            Value::Object(Default::default()),
        );
    });
    let path =
        format!("$.shapes[\"{ACTIVE_INPUT}\"].members.orderBy.traits[\"smithy.api#httpLabel\"]");
    assert_both_fail(
        &scratch,
        "billforward",
        ACTIVE,
        &path,
        &["httpLabel", "{orderBy}"],
    );
}

#[test]
fn http_trait_with_a_numeric_method() {
    let scratch = Scratch::new("method-number");
    scratch.edit_json(STOP, |m| {
        shape(m, STOP_ID)["traits"]["smithy.api#http"]["method"] = Value::from(7);
    });
    let path = format!("$.shapes[\"{STOP_ID}\"].traits[\"smithy.api#http\"].method");
    assert_both_fail(
        &scratch,
        "billforward",
        STOP,
        &path,
        &["expected a string", "number"],
    );
}

#[test]
fn a_broken_model_among_several_writes_nothing_and_keeps_earlier_output() {
    let scratch = Scratch::new("all-or-nothing");
    let good = Path::new("models/billforward");
    let broken = Path::new("models/bedrock-agentcore");

    // A previous good run's output must survive a failed run untouched.
    let kept = scratch.root.join("out-kept");
    let output = scratch.generate(&[good], &kept);
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    let before = snapshot(&kept);
    assert!(!before.is_empty());

    scratch.edit_json(GET_PAYMENT, |m| {
        shape(m, GET_PAYMENT_ID)["traits"]["smithy.api#http"]["method"] = Value::from(7);
    });
    let path = format!("$.shapes[\"{GET_PAYMENT_ID}\"].traits[\"smithy.api#http\"].method");
    let relative = scratch.relative(GET_PAYMENT);
    let expected = Expected {
        file: &relative,
        json_path: &path,
        problem: &["expected a string"],
    };

    // The good model comes first, so a writer that streamed crates out would have written it.
    let fresh = scratch.root.join("out-fresh");
    let output = scratch.generate(&[good, broken], &fresh);
    assert_clean_failure(&output, &fresh, &expected);

    let output = scratch.generate(&[good, broken], &kept);
    let report = describe(&output);
    assert!(
        !matches!(output.status.code(), Some(0) | Some(101) | None),
        "{report}"
    );
    assert!(
        String::from_utf8_lossy(&output.stderr).contains(&path),
        "{report}"
    );
    assert!(
        snapshot(&kept) == before,
        "a failed run changed the previous output\n{report}"
    );
}

const LIST_PAYMENTS: &str = "bedrock-agentcore/operations/ListPaymentSessions.json";
const LIST_PAYMENTS_ID: &str = "com.amazonaws.bedrockagentcore#ListPaymentSessions";

#[test]
fn default_out_of_range_for_its_target() {
    let scratch = Scratch::new("default-range");
    scratch.edit_json(ACTIVE, |m| {
        // `records` keeps its @default(8766), which no byte can hold.
        shape(m, ACTIVE_INPUT)["members"]["records"]["target"] = Value::from("smithy.api#Byte");
    });
    let path =
        format!("$.shapes[\"{ACTIVE_INPUT}\"].members.records.traits[\"smithy.api#default\"]");
    assert_both_fail(
        &scratch,
        "billforward",
        ACTIVE,
        &path,
        &["records", "8766 is out of range for a byte", "-128..=127"],
    );
}

#[test]
fn string_default_on_an_integer() {
    let scratch = Scratch::new("default-type");
    scratch.edit_json(ACTIVE, |m| {
        shape(m, ACTIVE_INPUT)["members"]["offset"]["traits"]["smithy.api#default"] =
            Value::from("0");
    });
    let path =
        format!("$.shapes[\"{ACTIVE_INPUT}\"].members.offset.traits[\"smithy.api#default\"]");
    assert_both_fail(
        &scratch,
        "billforward",
        ACTIVE,
        &path,
        &["offset", "must be an integer", "string"],
    );
}

#[test]
fn int_enum_value_outside_i32() {
    let scratch = Scratch::new("int-enum-range");
    scratch.edit_json(ACTIVE, |m| {
        let huge = serde_json::json!({
            "type": "intEnum",
            "members": {
                "BIG": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": 4_294_967_296_i64 } }
            }
        });
        m["shapes"]["com.billforward#Huge"] = huge;
    });
    let path = "$.shapes[\"com.billforward#Huge\"].members.BIG.traits[\"smithy.api#enumValue\"]";
    assert_both_fail(
        &scratch,
        "billforward",
        ACTIVE,
        path,
        &["4294967296", "out of range", "32-bit"],
    );
}

/// A list whose member is the list itself would make the generator recurse without end.
#[test]
fn list_that_contains_itself() {
    let scratch = Scratch::new("list-recursion");
    let file = "billforward/service.json";
    let list = "com.billforward#StringList";
    scratch.edit_json(file, |m| {
        shape(m, list)["member"]["target"] = Value::from(list);
    });
    let path = format!("$.shapes[\"{list}\"].member.target");
    assert_both_fail(
        &scratch,
        "billforward",
        file,
        &path,
        &["contains itself", "structure or union"],
    );
}

/// A trait property the loader does not define is a warning naming the file and JSON path, and
/// the crate is still generated.
#[test]
fn unknown_trait_property_is_a_warning() {
    let scratch = Scratch::new("unknown-property");
    scratch.edit_json(LIST_PAYMENTS, |m| {
        shape(m, LIST_PAYMENTS_ID)["traits"]["smithy.api#paginated"]["stopOnEmpty"] =
            Value::from(true);
    });
    let path =
        format!("$.shapes[\"{LIST_PAYMENTS_ID}\"].traits[\"smithy.api#paginated\"].stopOnEmpty");
    let runs = [
        (
            scratch.relative(LIST_PAYMENTS),
            vec![Path::new("models").join("bedrock-agentcore")],
        ),
        (scratch.absolute(LIST_PAYMENTS), vec![scratch.models()]),
    ];
    for (i, (file, models)) in runs.iter().enumerate() {
        let out = scratch.root.join(format!("out-{i}"));
        let models: Vec<&Path> = models.iter().map(PathBuf::as_path).collect();
        let output = scratch.generate(&models, &out);
        let report = describe(&output);
        assert_eq!(output.status.code(), Some(0), "{report}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let located = format!("warning: {}: {path}: ", file.display());
        let line = stderr
            .lines()
            .find(|l| l.starts_with(&located))
            .unwrap_or_else(|| panic!("no warning line starts with `{located}`\n{report}"));
        assert!(
            line.contains("unknown property \"stopOnEmpty\" is ignored"),
            "{line}\n{report}"
        );
        assert!(
            out.join("bedrockagentcore/Cargo.toml").is_file() || out.join("Cargo.toml").is_file(),
            "{report}"
        );
    }
}

/// A problem only the IR sees (no `@http` on a REST operation) is still located at the shape.
#[test]
fn rest_operation_without_an_http_trait() {
    let scratch = Scratch::new("no-http");
    scratch.edit_json(STOP, |m| {
        let traits = shape(m, STOP_ID)["traits"].as_object_mut();
        traits
            .expect("StopUsageSession has traits")
            .remove("smithy.api#http");
    });
    let path = format!("$.shapes[\"{STOP_ID}\"]");
    assert_both_fail(&scratch, "billforward", STOP, &path, &["smithy.api#http"]);
}

#[test]
fn paginated_token_that_is_not_a_member() {
    let scratch = Scratch::new("paginated-token");
    scratch.edit_json(LIST_PAYMENTS, |m| {
        shape(m, LIST_PAYMENTS_ID)["traits"]["smithy.api#paginated"]["inputToken"] =
            Value::from("noSuchToken");
    });
    let path = format!("$.shapes[\"{LIST_PAYMENTS_ID}\"]");
    assert_both_fail(
        &scratch,
        "bedrock-agentcore",
        LIST_PAYMENTS,
        &path,
        &["noSuchToken"],
    );
}
