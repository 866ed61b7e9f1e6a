//! The embedded AWS partitions table and the `aws.partition` function.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex_lite::Regex;

use crate::value::Value;

/// The partitions table shipped with this crate (a copy of the AWS `partitions.json`).
const PARTITIONS_JSON: &str = include_str!("../data/partitions.json");

/// The partition whose outputs apply to regions no partition claims.
const FALLBACK_PARTITION: &str = "aws";

/// One partition of the table.
#[derive(Debug)]
struct PartitionDef {
    id: String,
    region_regex: Regex,
    /// Region name -> attributes that override the partition outputs for that region.
    regions: BTreeMap<String, BTreeMap<String, Value>>,
    outputs: BTreeMap<String, Value>,
}

/// The parsed partitions table.
#[derive(Debug)]
pub(crate) struct Partitions {
    partitions: Vec<PartitionDef>,
}

fn json_scalar(value: &serde_json::Value) -> Option<Value> {
    match value {
        serde_json::Value::String(s) => Some(Value::String(s.clone())),
        serde_json::Value::Bool(b) => Some(Value::Bool(*b)),
        _ => None,
    }
}

fn outputs_from(map: &serde_json::Map<String, serde_json::Value>) -> BTreeMap<String, Value> {
    map.iter()
        .filter(|(k, _)| k.as_str() != "description")
        .filter_map(|(k, v)| json_scalar(v).map(|v| (k.clone(), v)))
        .collect()
}

impl Partitions {
    /// Parses a partitions document (`{"partitions": [{"id", "regionRegex", "regions", "outputs"}]}`).
    pub(crate) fn from_json_str(text: &str) -> Result<Self, String> {
        let json: serde_json::Value =
            serde_json::from_str(text).map_err(|e| format!("partitions table is not JSON: {e}"))?;
        let list = json
            .get("partitions")
            .and_then(serde_json::Value::as_array)
            .ok_or("partitions table has no `partitions` array")?;
        let mut partitions = Vec::with_capacity(list.len());
        for (i, p) in list.iter().enumerate() {
            let id = p
                .get("id")
                .and_then(serde_json::Value::as_str)
                .ok_or_else(|| format!("partitions[{i}] has no string `id`"))?
                .to_owned();
            let regex_text = p
                .get("regionRegex")
                .and_then(serde_json::Value::as_str)
                .ok_or_else(|| format!("partition `{id}` has no string `regionRegex`"))?;
            let region_regex = Regex::new(regex_text)
                .map_err(|e| format!("partition `{id}` has an invalid regionRegex: {e}"))?;
            let outputs = p
                .get("outputs")
                .and_then(serde_json::Value::as_object)
                .map(outputs_from)
                .ok_or_else(|| format!("partition `{id}` has no `outputs` object"))?;
            let regions = match p.get("regions") {
                None => BTreeMap::new(),
                Some(serde_json::Value::Object(r)) => r
                    .iter()
                    .map(|(name, attrs)| {
                        let overrides = attrs.as_object().map(outputs_from).unwrap_or_default();
                        (name.clone(), overrides)
                    })
                    .collect(),
                Some(_) => return Err(format!("partition `{id}` has a non-object `regions`")),
            };
            partitions.push(PartitionDef {
                id,
                region_regex,
                regions,
                outputs,
            });
        }
        if partitions.is_empty() {
            return Err("partitions table is empty".to_owned());
        }
        Ok(Partitions { partitions })
    }

    /// The partition record for `region`: the partition listing the region explicitly, else
    /// the first whose `regionRegex` matches, else the `aws` partition.
    pub(crate) fn lookup(&self, region: &str) -> Value {
        let explicit = self
            .partitions
            .iter()
            .find_map(|p| p.regions.get(region).map(|overrides| (p, Some(overrides))));
        let (partition, overrides) = explicit
            .or_else(|| {
                self.partitions
                    .iter()
                    .find(|p| p.region_regex.is_match(region))
                    .map(|p| (p, None))
            })
            .or_else(|| {
                self.partitions
                    .iter()
                    .find(|p| p.id == FALLBACK_PARTITION)
                    .map(|p| (p, None))
            })
            .unwrap_or((&self.partitions[0], None));
        let mut record = partition.outputs.clone();
        if let Some(overrides) = overrides {
            record.extend(overrides.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        record
            .entry("name".to_owned())
            .or_insert_with(|| Value::String(partition.id.clone()));
        Value::Record(record)
    }
}

/// The embedded table, parsed on first use.
pub(crate) fn embedded() -> Result<&'static Partitions, String> {
    static TABLE: OnceLock<Result<Partitions, String>> = OnceLock::new();
    TABLE
        .get_or_init(|| Partitions::from_json_str(PARTITIONS_JSON))
        .as_ref()
        .map_err(Clone::clone)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attr(record: &Value, key: &str) -> Value {
        match record {
            Value::Record(r) => r.get(key).cloned().unwrap(),
            other => panic!("not a record: {other:?}"),
        }
    }

    #[test]
    fn embedded_table_parses() {
        let table = embedded().unwrap();
        assert!(table.partitions.len() >= 2);
    }

    #[test]
    fn explicit_regions() {
        let table = embedded().unwrap();
        let p = table.lookup("us-east-1");
        assert_eq!(attr(&p, "name"), Value::from("aws"));
        assert_eq!(attr(&p, "dnsSuffix"), Value::from("amazonaws.com"));
        assert_eq!(attr(&p, "dualStackDnsSuffix"), Value::from("api.aws"));
        assert_eq!(attr(&p, "supportsFIPS"), Value::Bool(true));
        assert_eq!(attr(&p, "supportsDualStack"), Value::Bool(true));
        assert_eq!(attr(&p, "implicitGlobalRegion"), Value::from("us-east-1"));

        let p = table.lookup("cn-north-1");
        assert_eq!(attr(&p, "name"), Value::from("aws-cn"));
        assert_eq!(attr(&p, "dnsSuffix"), Value::from("amazonaws.com.cn"));

        // us-gov-west-1 also matches the aws regex prefix `us-`; the explicit list wins.
        let p = table.lookup("us-gov-west-1");
        assert_eq!(attr(&p, "name"), Value::from("aws-us-gov"));

        let p = table.lookup("aws-global");
        assert_eq!(attr(&p, "name"), Value::from("aws"));
    }

    #[test]
    fn regex_fallback_and_default() {
        let table = embedded().unwrap();
        // Not listed anywhere, but matching a partition's regionRegex.
        assert_eq!(
            attr(&table.lookup("cn-south-7"), "name"),
            Value::from("aws-cn")
        );
        assert_eq!(
            attr(&table.lookup("us-isob-north-9"), "name"),
            Value::from("aws-iso-b")
        );
        assert_eq!(
            attr(&table.lookup("eu-north-9"), "name"),
            Value::from("aws")
        );
        // Matching nothing: the aws partition.
        let p = table.lookup("mars-central-1");
        assert_eq!(attr(&p, "name"), Value::from("aws"));
        assert_eq!(attr(&p, "dnsSuffix"), Value::from("amazonaws.com"));
    }

    #[test]
    fn region_overrides_and_first_regex_match() {
        let table = Partitions::from_json_str(
            r#"{"partitions": [
                {"id": "one", "regionRegex": "^x-", "outputs": {"name": "one", "dnsSuffix": "one.test", "supportsFIPS": true},
                 "regions": {"x-special-1": {"description": "d", "supportsFIPS": false}}},
                {"id": "two", "regionRegex": "^x-", "outputs": {"dnsSuffix": "two.test"}}
            ]}"#,
        )
        .unwrap();
        let p = table.lookup("x-special-1");
        assert_eq!(attr(&p, "supportsFIPS"), Value::Bool(false));
        assert_eq!(attr(&p, "dnsSuffix"), Value::from("one.test"));
        let p = table.lookup("x-other-1");
        assert_eq!(attr(&p, "supportsFIPS"), Value::Bool(true));
        // No `aws` partition: the first one is the fallback; `name` defaults to the id.
        assert_eq!(attr(&table.lookup("nope"), "name"), Value::from("one"));
    }

    #[test]
    fn bad_tables_are_errors() {
        assert!(Partitions::from_json_str("not json").is_err());
        assert!(Partitions::from_json_str(r#"{"partitions": []}"#).is_err());
        assert!(
            Partitions::from_json_str(
                r#"{"partitions": [{"id": "a", "regionRegex": "(", "outputs": {}}]}"#
            )
            .is_err()
        );
    }
}
