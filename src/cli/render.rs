//! `budget-lens render REPORT.json|- --view PATH --chart pie|donut|bar --svg OUT.svg [--width PX] [--lang zh|en]`
//! Draws the same chart as the widget, natively, as SVG (report text escaped by the chart's SVG backend).

use std::process::ExitCode;

use budget_lens::chart::explorer::Explorer;
use budget_lens::chart::palette::Theme;
use budget_lens::chart::ChartKind;
use budget_lens::render::{to_svg, Scene};
use budget_lens::report::parse_report_bytes;
use budget_lens::Lang;

use super::input::{read_input, write_error};
use super::{LangArg, EXIT_UNREADABLE};

#[derive(clap::Args)]
pub struct Args {
    /// The report file, or - for standard input
    report: String,
    /// Path of the node whose items are drawn (default: the first breakdown)
    #[arg(long, default_value = "")]
    view: String,
    /// pie, donut (a pie with the total in its hole) or bar
    #[arg(long, default_value = "pie", value_parser = ["pie", "donut", "bar"])]
    chart: String,
    /// Where to write the SVG (- for standard output)
    #[arg(long)]
    svg: String,
    /// Width in pixels; the height follows from the chart
    #[arg(long, default_value_t = 720)]
    width: u32,
    /// Language of the labels
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    lang: LangArg,
}

pub fn run(args: Args) -> ExitCode {
    let lang = Lang::from(args.lang);
    match render(&args, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(EXIT_UNREADABLE)
        }
    }
}

fn render(args: &Args, lang: Lang) -> Result<(), String> {
    let bytes = read_input(&args.report, lang)?;
    let in_report = |message: String| format!("{}: {message}", args.report);
    let report = parse_report_bytes(&bytes).map_err(|e| in_report(e.message(lang)))?;
    let kind = ChartKind::from_name(&args.chart);
    let mut explorer =
        Explorer::new(report, &args.view, kind, lang).map_err(|e| in_report(e.message(lang)))?;
    let width = args.width.clamp(240, 4000);
    let height = explorer.preferred_height(f64::from(width)).ceil() as u32;
    explorer.layout(f64::from(width), f64::from(height));
    let layout = explorer.last_layout().ok_or("no layout")?;
    let scene = Scene {
        view: explorer.view(),
        layout,
        interaction: explorer.interaction(),
        theme: &Theme::LIGHT,
    };
    let svg = to_svg(&scene, width, height).map_err(|e| e.to_string())?;
    if args.svg == "-" {
        print!("{svg}");
        Ok(())
    } else {
        std::fs::write(&args.svg, svg).map_err(|e| write_error(&e, &args.svg, lang))
    }
}
