//! Properties of the chart layout over generated levels: any number of items, any amounts, long and short
//! names, any width from a phone to a wide screen.

use proptest::prelude::*;

use budget_lens::chart::text::text_width;
use budget_lens::chart::{
    layout, preferred_height, ChartKind, ChartView, Hit, Interaction, Layout,
};
use budget_lens::report::parse_report;
use budget_lens::Lang;

const NAMES: [&str; 6] = [
    "一般公共服务支出",
    "教育",
    "机关事业单位基本养老保险缴费支出",
    "Other",
    "城乡社区支出（含城市管理、环境卫生等）",
    "住房公积金",
];

fn view(amounts: &[(u32, u8)], name_pick: &[usize]) -> ChartView {
    let total: u64 = amounts.iter().map(|&(a, _)| u64::from(a)).sum();
    let items: Vec<String> = amounts
        .iter()
        .enumerate()
        .map(|(i, &(a, prior))| {
            let name = NAMES[name_pick[i % name_pick.len()] % NAMES.len()];
            let prior = if prior % 3 == 0 {
                format!(r#","prior":"{}.00""#, u64::from(a) * u64::from(prior) / 7)
            } else {
                String::new()
            };
            format!(r#"{{"id":"i{i}","label":"{name}{i}","amount":"{a}.00"{prior}}}"#)
        })
        .collect();
    let json = format!(
        r#"{{"format":"budget-lens/1","year":2021,"breakdowns":[{{"id":"e","label":"合计","amount":"{total}.00","items":[{}]}}]}}"#,
        items.join(",")
    );
    let report = parse_report(&json).expect("generated report parses");
    ChartView::new(&report, "e", &[], Lang::Zh).expect("a view of the level")
}

fn levels() -> impl Strategy<Value = (Vec<(u32, u8)>, Vec<usize>, f64, bool)> {
    (
        prop::collection::vec((0u32..5_000_000, 0u8..12), 1..40),
        prop::collection::vec(0usize..6, 1..6),
        240.0f64..1400.0,
        any::<bool>(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn pie_labels_never_overlap_and_stay_inside((amounts, names, width, donut) in levels()) {
        let view = view(&amounts, &names);
        let kind = if donut { ChartKind::Donut } else { ChartKind::Pie };
        let height = preferred_height(&view, kind, width);
        let Layout::Pie(pie) = layout(&view, kind, width, height, &Interaction::default(), Some(2021), Lang::Zh) else {
            unreachable!()
        };
        for (i, a) in pie.labels.iter().enumerate() {
            prop_assert!(a.bounds.x >= 0.0 && a.bounds.right() <= width + 1e-6, "{:?} outside {width}", a.lines);
            prop_assert!(a.bounds.y >= 0.0 && a.bounds.bottom() <= height + 1e-6, "{:?} below {height}", a.lines);
            // The box is as wide as the widest of its lines, as tall as its lines.
            let widest = a.lines.iter().map(|l| text_width(l, 12.0)).fold(0.0, f64::max);
            prop_assert!((widest - a.bounds.w).abs() < 1e-6);
            prop_assert!((a.bounds.h - 16.0 * a.lines.len() as f64).abs() < 1e-6);
            for b in &pie.labels[i + 1..] {
                prop_assert!(!a.bounds.overlaps(&b.bounds), "{:?} over {:?}", a.lines, b.lines);
            }
            for entry in &pie.legend {
                prop_assert!(!a.bounds.overlaps(&entry.bounds), "{:?} over the legend", a.lines);
            }
        }
        for pair in pie.legend.windows(2) {
            prop_assert!(!pair[0].bounds.overlaps(&pair[1].bounds));
        }
        // Every slice is found where it is drawn.
        for slice in &pie.slices {
            if slice.end - slice.start > 1e-3 {
                let r = (pie.inner_radius + pie.radius) / 2.0;
                let p = pie.center.polar(r, slice.mid());
                let hit = layout(&view, kind, width, height, &Interaction::default(), Some(2021), Lang::Zh).hit(p);
                prop_assert_eq!(hit, Some(Hit::Item(slice.item)));
            }
        }
        // Slices cover the circle exactly once when anything is positive.
        if let (Some(first), Some(last)) = (pie.slices.first(), pie.slices.last()) {
            prop_assert_eq!(first.start, 0.0);
            prop_assert!((last.end - std::f64::consts::TAU).abs() < 1e-9);
        }
    }

    #[test]
    fn bars_are_sorted_apart_and_inside((amounts, names, width, _) in levels()) {
        let view = view(&amounts, &names);
        let layout = layout(&view, ChartKind::Bar, width, 0.0, &Interaction::default(), Some(2021), Lang::Zh);
        let Layout::Bar(bars) = &layout else { unreachable!() };
        prop_assert_eq!(bars.rows.len(), view.items.len());
        let height = preferred_height(&view, ChartKind::Bar, width);
        for pair in bars.rows.windows(2) {
            prop_assert!(view.items[pair[0].item].amount >= view.items[pair[1].item].amount);
            prop_assert!(!pair[0].band.overlaps(&pair[1].band));
        }
        for row in &bars.rows {
            prop_assert!(row.band.bottom() <= height + 1e-6);
            let value_end = row.value_anchor.x + text_width(&row.value_text, 12.0);
            prop_assert!(value_end <= width + 1e-6, "{} ends at {value_end} of {width}", row.value_text);
            for line in &row.label {
                // Right-aligned in the name column, or left-aligned above the bars (stacked).
                let (left, right) = if bars.stacked {
                    (row.label_anchor.x, row.label_anchor.x + text_width(line, 12.0))
                } else {
                    (row.label_anchor.x - text_width(line, 12.0), row.label_anchor.x)
                };
                prop_assert!(left >= -1e-6 && right <= width + 1e-6, "{} from {left} to {right} of {width}", line);
            }
            let middle = budget_lens::chart::Point::new(row.band.x + row.band.w / 2.0, row.band.y + row.band.h / 2.0);
            prop_assert_eq!(layout.hit(middle), Some(Hit::Item(row.item)));
        }
    }
}
