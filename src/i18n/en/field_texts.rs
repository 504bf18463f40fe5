//! English: the command line's help for each field's option.

use crate::i18n::F;

/// `key` in English.
pub fn text(key: F) -> &'static str {
    match key {
        F::HelpDue => {
            "When it is due: YYYY-MM-DD [HH:MM] or a phrase (`tomorrow 17:00`, `明天下午5点`, `+2d`)"
        }
        F::HelpStart => "When it starts (meetings, substitute assignments)",
        F::HelpEnd => "When it ends (meetings, substitute assignments)",
        F::HelpPlace => "Where (meetings)",
        F::HelpType => "Meeting type: meeting, interview, hearing, visit, training",
        F::HelpWith => "Attendees, comma-separated (meetings)",
        F::HelpFrom => "The unit that provides a document",
        F::HelpRule => "What happens after reading: return, shred, archive (documents)",
        F::HelpClass => "Classification: public, internal, secret, confidential (documents)",
        F::HelpSection => "The section a substitute assignment is for",
        F::HelpCategory => "Logistics category: lodging, supplies, transport, meals, other",
        F::HelpPriority => "Priority: high, normal, low",
        F::HelpContact => "Contact person",
        F::HelpEvery => {
            "Comes back: day, weekday, week or Nd (logistics, substitutes); completing one adds the next at the same time of day"
        }
        F::HelpUntil => "The last day a recurring duty comes back on (YYYY-MM-DD or a phrase)",
    }
}
