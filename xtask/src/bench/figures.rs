//! Repeated measurements side by side: min and median of the runs, the ratio ours / aws-sdk-rust
//! and the goal it is held against.

use std::fmt::Write as _;

use serde_json::{Value, json};

/// The values of one figure over the runs, in run order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Runs(pub Vec<f64>);

impl Runs {
    /// The smallest value (0 without runs).
    pub fn min(&self) -> f64 {
        self.0.iter().copied().reduce(f64::min).unwrap_or(0.0)
    }

    /// The median value: the middle one, or the mean of the middle two (0 without runs).
    pub fn median(&self) -> f64 {
        let mut sorted = self.0.clone();
        sorted.sort_by(f64::total_cmp);
        let n = sorted.len();
        match n {
            0 => 0.0,
            _ if n % 2 == 1 => sorted[n / 2],
            _ => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
        }
    }

    fn json(&self) -> Value {
        json!({ "runs": self.0, "min": self.min(), "median": self.median() })
    }
}

/// One figure measured on both sides.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// What is measured, e.g. `GetPaymentSession client CPU`.
    pub figure: String,
    /// Its unit, e.g. `µs`.
    pub unit: &'static str,
    /// Our crate's runs.
    pub ours: Runs,
    /// aws-sdk-rust's runs.
    pub aws: Runs,
    /// The goal, as the largest acceptable ours / aws-sdk-rust ratio of the medians; `None` for
    /// a figure reported without a goal.
    pub goal: Option<f64>,
}

impl Comparison {
    /// ours / aws-sdk-rust of the medians (`None` when aws-sdk-rust's is 0).
    pub fn ratio(&self) -> Option<f64> {
        let aws = self.aws.median();
        (aws > 0.0).then(|| self.ours.median() / aws)
    }

    /// Whether the goal is met: `None` without a goal or a ratio.
    pub fn met(&self) -> Option<bool> {
        Some(self.ratio()? <= self.goal?)
    }

    /// The figure as JSON, for `summary.json`.
    pub fn json(&self) -> Value {
        json!({
            "figure": self.figure,
            "unit": self.unit,
            "ours": self.ours.json(),
            "aws": self.aws.json(),
            "ratio_of_medians": self.ratio(),
            "goal_max_ratio": self.goal,
            "met": self.met(),
        })
    }
}

fn number(value: f64) -> String {
    if value >= 100.0 {
        format!("{value:.0}")
    } else if value >= 10.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.2}")
    }
}

/// A table of comparisons: min / median of each side, the ratio, the goal and whether it is met.
pub fn render(rows: &[Comparison]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "  {:<44} {:>19} {:>19} {:>7} {:>7} {:>4}",
        "figure", "ours min / median", "aws min / median", "ratio", "goal", "met"
    );
    for row in rows {
        let pair = |r: &Runs| format!("{} / {}", number(r.min()), number(r.median()));
        let ratio = row.ratio().map_or("-".to_string(), |r| format!("{r:.2}×"));
        let goal = row.goal.map_or("-".to_string(), |g| format!("≤{g:.1}×"));
        let met = match row.met() {
            Some(true) => "yes",
            Some(false) => "NO",
            None => "-",
        };
        let _ = writeln!(
            out,
            "  {:<44} {:>19} {:>19} {:>7} {:>7} {:>4}",
            format!("{} ({})", row.figure, row.unit),
            pair(&row.ours),
            pair(&row.aws),
            ratio,
            goal,
            met
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn min_and_median() {
        let runs = Runs(vec![5.0, 1.0, 9.0]);
        assert_eq!((runs.min(), runs.median()), (1.0, 5.0));
        assert_eq!(Runs(vec![4.0, 1.0, 3.0, 2.0]).median(), 2.5);
        assert_eq!(Runs::default().median(), 0.0);
        assert_eq!(Runs::default().min(), 0.0);
    }

    #[test]
    fn ratio_and_goal() {
        let row = |ours: f64, goal| Comparison {
            figure: "x".into(),
            unit: "s",
            ours: Runs(vec![ours, ours + 1.0, ours + 2.0]),
            aws: Runs(vec![10.0, 11.0, 12.0]),
            goal,
        };
        let met = row(4.0, Some(0.5));
        assert_eq!(met.ratio(), Some(5.0 / 11.0));
        assert_eq!(met.met(), Some(true));
        assert_eq!(row(6.0, Some(0.5)).met(), Some(false));
        assert_eq!(row(6.0, None).met(), None);
        let table = render(&[met, row(6.0, Some(0.5))]);
        assert!(table.contains("4.00 / 5.00"), "{table}");
        assert!(table.contains("0.45×"), "{table}");
        assert!(table.contains(" yes") && table.contains(" NO"), "{table}");
        let zero = Comparison {
            aws: Runs(vec![0.0]),
            ..row(1.0, Some(1.0))
        };
        assert_eq!((zero.ratio(), zero.met()), (None, None));
    }
}
