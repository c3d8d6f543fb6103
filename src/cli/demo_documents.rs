//! The demo's library: the documents of the seeds, typeset as PDFs (their words found by
//! search, their first page shown) and filed with their region, organizations and next
//! steps: the Stanley Foundation's policy memo of 25 September 2012, the 2011 paper of
//! national excerpts with its recommendations to governments, the civil society report of
//! the 2008 roundtables, and the coalition's page on the Americas.
//!
//! Their texts are in `demo_documents/*.txt`, from the seeds: `# ` starts a heading, `- `
//! an item, any other line a paragraph.

use crate::config::Settings;
use crate::db::Db;
use crate::documents::paper::{Paper, Section};
use crate::documents::service::StoredFile;
use crate::documents::storage::Files;
use crate::documents::{Access, DocumentInput, DocumentKind};
use crate::entities::document;
use crate::error::{AppError, AppResult};
use crate::web::Actor;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::demo::{Tally, organization_id};

struct Demo {
    title: &'static str,
    kind: DocumentKind,
    published_on: &'static str,
    byline: &'static str,
    organizations: &'static [&'static str],
    regions: &'static [&'static str],
    countries: &'static [&'static str],
    summary: &'static str,
    next_steps: &'static [&'static str],
    text: &'static str,
    /// The event or series it belongs to, by slug.
    event: Option<&'static str>,
    series: Option<&'static str>,
}

const DOCUMENTS: &[Demo] = &[
    Demo {
        title: "Policy Memo: Assisting States to Prevent Atrocities: Implications for Development Policy, Stabilization Assistance, and Post-Conflict Peacebuilding",
        kind: DocumentKind::PolicyMemo,
        published_on: "2012-09-25",
        byline: "The Stanley Foundation, 25 September 2012",
        organizations: &["The Stanley Foundation"],
        regions: &["north-america", "global"],
        countries: &["US"],
        summary: "The Responsibility to Protect as affirmed at the 2005 World Summit included the responsibility of the international community to \"assist states under stress\" to \"build capacity\" to prevent and protect at the domestic level. At its 53rd annual Strategy for Peace Conference the Stanley Foundation convened some 30 government and international officials, mass-atrocity specialists and civil society representatives near Washington, DC, to explore the strategic and policy dimensions of assisting \"states under stress\" to prevent atrocity violence.",
        next_steps: &[
            "Further explore the incentives and motives that encourage perpetrators to target civilians and the core governance deficits they most readily exploit.",
            "Seek to fully integrate this atrocity-focused lens within broader discussions on conflict prevention, development, stabilization, and peacebuilding, encouraging dialogue across silos.",
            "Broaden dialogue among the core stakeholders necessary to develop a shared global vision of how global assistance might reinforce domestic efforts to build capacity to prevent atrocity violence.",
        ],
        text: include_str!("demo_documents/stanley-memo.txt"),
        event: Some("strategy-for-peace-conference-2012"),
        series: None,
    },
    Demo {
        title: "Excerpts referencing RtoP in national strategic policy papers",
        kind: DocumentKind::Paper,
        published_on: "2011-02-02",
        byline: "International Coalition for the Responsibility to Protect, 2 February 2011",
        organizations: &["International Coalition for the Responsibility to Protect"],
        regions: &["global", "europe", "north-america", "africa"],
        countries: &["DE", "FR", "GB", "NO", "US", "GH", "DK"],
        summary: "Several states have demonstrated their support for RtoP by referring to the norm in strategic policy papers: France, Germany, Norway, the United States and the United Kingdom; Ghana, Denmark, Argentina, Costa Rica, the Netherlands, Uruguay and the United States have appointed national focal points on RtoP. The paper gathers the relevant excerpts, with recommendations to governments.",
        next_steps: &[
            "Propose the adoption of resolutions on RtoP.",
            "Strengthen national and international capacity to prevent mass atrocities: review early-warning mechanisms, coordinate ministries through RtoP focal points, make the protection of populations a national security priority, create an emergency fund.",
            "Mobilize to prevent or react to specific crises where populations are suffering from mass atrocities.",
        ],
        text: include_str!("demo_documents/national-excerpts.txt"),
        event: None,
        series: None,
    },
    Demo {
        title: "Global Consultative Roundtables on the Responsibility to Protect: Civil Society Recommendations for Action",
        kind: DocumentKind::Report,
        published_on: "2009-01-28",
        byline: "Responsibility to Protect-Engaging Civil Society (R2PCS), World Federalist Movement-Institute for Global Policy",
        organizations: &["World Federalist Movement-Institute for Global Policy"],
        regions: &["global", "asia-pacific", "americas", "africa", "europe"],
        countries: &["TH", "CA", "AR", "UG", "ZA", "FR", "GH"],
        summary: "The conclusions of the seven civil society roundtables held from February to August 2008 in Thailand, Canada, Argentina, Uganda, South Africa, France and Ghana: common challenges in actualizing RtoP, common themes from all roundtables, and participant-suggested strategies and activities for each region to advance RtoP.",
        next_steps: &[],
        text: include_str!("demo_documents/roundtables-report.txt"),
        event: None,
        series: Some("global-consultative-roundtables-rtop-2008"),
    },
    Demo {
        title: "The Responsibility to Protect in the Americas",
        kind: DocumentKind::Other,
        published_on: "",
        byline: "International Coalition for the Responsibility to Protect: documents by region",
        organizations: &["International Coalition for the Responsibility to Protect"],
        regions: &["latin-america-caribbean", "north-america"],
        countries: &["AR", "BR", "CA", "CR", "GT", "US", "UY"],
        summary: "Latin America and the Caribbean: regional bodies (the OAS, the Inter-American Commission and Court of Human Rights), the Latin American Network for Genocide and Mass Atrocity Prevention, the R2P focal points of Argentina, Costa Rica, Guatemala, the United States and Uruguay, Brazil's Responsibility while Protecting. North America: Canada (the ICISS, the All-Party Parliamentary Group) and the United States (the Atrocities Prevention Board and other presidential strategies). Civil society: reports, statements and meetings across the region.",
        next_steps: &[],
        text: include_str!("demo_documents/americas.txt"),
        event: None,
        series: None,
    },
];

/// The text of a demo document as a paper's sections.
fn sections(text: &str) -> Vec<Section> {
    let mut out = vec![Section::default()];
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(heading) = line.strip_prefix("# ") {
            out.push(Section {
                heading: heading.to_string(),
                ..Section::default()
            });
        } else if let Some(item) = line.strip_prefix("- ") {
            if let Some(section) = out.last_mut() {
                section.items.push(item.to_string());
            }
        } else {
            // A paragraph after items starts a section of its own.
            if out.last().is_some_and(|s| !s.items.is_empty()) {
                out.push(Section::default());
            }
            if let Some(section) = out.last_mut() {
                section.paragraphs.push(line.to_string());
            }
        }
    }
    out.retain(|s| !(s.heading.is_empty() && s.paragraphs.is_empty() && s.items.is_empty()));
    out
}

/// Files the demo's documents (those not there yet).
pub async fn load(db: &Db, settings: &Settings, actor: &Actor, tally: &mut Tally) -> AppResult<()> {
    let files = Files::open(&settings.storage.url)
        .map_err(|err| AppError::Internal(anyhow::anyhow!("the file store: {err}")))?;
    for demo in DOCUMENTS {
        let exists = document::Entity::find()
            .filter(document::Column::Title.eq(demo.title))
            .filter(document::Column::WithdrawnAt.is_null())
            .one(db.conn())
            .await?
            .is_some();
        if exists {
            tally.note(false);
            continue;
        }
        file(db, &files, actor, demo).await?;
        tally.note(true);
    }
    Ok(())
}

async fn file(db: &Db, files: &Files, actor: &Actor, demo: &Demo) -> AppResult<()> {
    let pdf = Paper {
        kind: demo.kind.label().to_string(),
        title: demo.title.to_string(),
        byline: demo.byline.to_string(),
        lang: "en".into(),
        sections: sections(demo.text),
    }
    .typeset()
    .await?;
    let key = format!("documents/{}", uuid::Uuid::new_v4());
    let bytes = pdf.len() as u64;
    files
        .put_whole(&key, pdf.into())
        .await
        .map_err(|err| AppError::Internal(anyhow::anyhow!(err)))?;
    let mut organization_ids = Vec::new();
    for name in demo.organizations {
        organization_ids.push(organization_id(db, name).await?);
    }
    let event_id = match demo.event {
        Some(slug) => crate::entities::event::Entity::find()
            .filter(crate::entities::event::Column::Slug.eq(slug))
            .one(db.conn())
            .await?
            .map(|e| e.id),
        None => None,
    };
    let series_id = match demo.series {
        Some(slug) => crate::entities::series::Entity::find()
            .filter(crate::entities::series::Column::Slug.eq(slug))
            .one(db.conn())
            .await?
            .map(|s| s.id),
        None => None,
    };
    let input = DocumentInput {
        title: Some(demo.title.into()),
        kind: Some(demo.kind),
        published_on: Some(demo.published_on.parse().ok()),
        organization_ids: Some(organization_ids),
        regions: Some(demo.regions.iter().map(|r| (*r).to_string()).collect()),
        countries: Some(demo.countries.iter().map(|c| (*c).to_string()).collect()),
        language: Some(Some("en".into())),
        summary: Some(demo.summary.into()),
        access: Some(Access::Public),
        event_id: Some(event_id),
        series_id: Some(series_id),
        next_steps: Some(demo.next_steps.iter().map(|s| (*s).to_string()).collect()),
        url: None,
    };
    let slug = demo
        .title
        .split(':')
        .next()
        .unwrap_or("document")
        .to_string();
    let stored = StoredFile {
        key,
        filename: crate::documents::service::clean_filename(&slug, "pdf"),
        content_type: "application/pdf".into(),
        bytes,
    };
    crate::documents::service::create(db, files, actor, input, Some(stored)).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_demo_text_becomes_sections_with_headings_paragraphs_and_items() {
        let got = sections("Intro.\n# Next steps\nThey said:\n- one\n- two\nAfter.\n");
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].paragraphs, ["Intro."]);
        assert_eq!(got[1].heading, "Next steps");
        assert_eq!(got[1].items, ["one", "two"]);
        assert_eq!(got[2].paragraphs, ["After."]);
        for demo in DOCUMENTS {
            assert!(!sections(demo.text).is_empty(), "{}", demo.title);
        }
    }
}
