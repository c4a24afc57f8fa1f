#include "adapters/bars/bars_reader.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "adapters/bars/bars_capture.hpp"
#include "adapters/bars/bars_diary.hpp"
#include "adapters/bars/bars_emitter.hpp"
#include "adapters/bars/bars_index.hpp"
#include "adapters/bars/bars_text.hpp"
#include "core/error.hpp"
#include "core/school_year.hpp"
#include "core/subject_names.hpp"

namespace jb::bars {
namespace {

std::string method_name(std::string_view path) {
    while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
    return std::string(path.substr(path.rfind('/') + 1));
}

// Calls `handle` with the entry's JSON when it holds data; an unexpected JSON shape becomes an
// Error naming the entry.
template <typename Handle>
void guarded(const std::string& name, const har::Entry& entry, Handle&& handle) {
    try {
        handle();
    } catch (const nlohmann::json::exception& e) {
        throw Error(place(name, entry) + "unexpected JSON shape: " + std::string(e.what()));
    }
}

// First pass: who is who, which child is selected when, and the diary index.
void index_capture(const EntryWalk& walk, const std::string& name, CaptureIndex& index, std::size_t& bars_entries) {
    walk([&](const har::Entry& entry) {
        const Endpoint endpoint = endpoint_of(entry.path());
        if (endpoint == Endpoint::none) return;
        ++bars_entries;
        index.note_started(entry.started, entry.parsed_url.host);
        const Response response = read_response(name, entry);
        if (endpoint == Endpoint::set_child) {
            const bool switched = entry.status >= 200 && entry.status < 300 && response.state != BodyState::fault &&
                                  response.state != BodyState::html;
            if (switched) index.add_set_child(entry.index, request_param(entry, "selected"));
            return;
        }
        if (response.state != BodyState::json) return;
        guarded(name, entry, [&] {
            const std::string where = place(name, entry);
            switch (endpoint) {
                case Endpoint::person_data: index.add_person_data(entry.index, response.doc); break;
                case Endpoint::class_info: index.add_class_info(entry.index, response.doc); break;
                case Endpoint::school_info: index.add_school_info(response.doc); break;
                case Endpoint::rest_login: index.add_rest_login(response.doc); break;
                case Endpoint::diary: index.add_diary(entry.index, "", web_diary_lessons(response.doc, where)); break;
                case Endpoint::rest_diary:
                    index.add_diary(entry.index, request_param(entry, "pupil_id"), rest_diary_lessons(response.doc, where));
                    break;
                default: break;
            }
        });
    });
    index.finish();
}

class SecondPass {
public:
    SecondPass(const std::string& name, const CaptureIndex& index, Emitter& emitter)
        : name_(name), index_(index), emitter_(emitter) {}

    void entry(const har::Entry& entry) {
        const Endpoint endpoint = endpoint_of(entry.path());
        if (endpoint == Endpoint::none) return;
        const Response response = read_response(name_, entry);
        if (response.state != BodyState::json) {
            if (endpoint == Endpoint::set_child && response.state == BodyState::no_answer && entry.status >= 200 &&
                entry.status < 300)
                return;
            if (first_problem_.empty()) first_problem_ = place(name_, entry) + response.problem;
            emitter_.note("БАРС response without data, skipped (the raw capture keeps it)",
                          method_name(entry.path()) + ": " + response.problem, "docs/bars.md, «Faults»");
            return;
        }
        ++with_data_;
        guarded(name_, entry, [&] { handle(endpoint, entry, response.doc); });
    }

    std::size_t with_data() const { return with_data_; }
    const std::string& first_problem() const { return first_problem_; }

private:
    Pupil selected(const har::Entry& entry) const {
        const ChildInfo* child = index_.child_at(entry.index);
        if (const std::string id = index_.selected_id_at(entry.index); !child && !id.empty())
            throw Error(place(name_, entry) + "this response is for pupil " + id + ", whom no GetPersonData or "
                        "/rest/login answer of the capture names (capture the start page after switching the child)");
        if (!child)
            throw Error(place(name_, entry) + "cannot tell which pupil this response is for: the capture has no "
                        "ProfileService/GetPersonData answer naming the pupil (open the diary's start page in the "
                        "browser before the diary, so the capture includes it)");
        return emitter_.pupil(*child);
    }

    Pupil rest_pupil(const har::Entry& entry) const {
        const std::string id = request_param(entry, "pupil_id");
        if (const ChildInfo* child = index_.child(id)) return emitter_.pupil(*child);
        if (!id.empty() && index_.children().size() > 1)
            throw Error(place(name_, entry) + "pupil_id " + id + " is not among the pupils of this capture's "
                        "/rest/login answer");
        return selected(entry);
    }

    void handle(Endpoint endpoint, const har::Entry& entry, const json& doc) {
        const std::string where = place(name_, entry);
        switch (endpoint) {
            case Endpoint::diary: {
                const Pupil pupil = selected(entry);
                for (const auto& lesson : web_diary_lessons(doc, where)) emitter_.diary_lesson(pupil, lesson);
                break;
            }
            case Endpoint::rest_diary: {
                const Pupil pupil = rest_pupil(entry);
                for (const auto& lesson : rest_diary_lessons(doc, where)) emitter_.diary_lesson(pupil, lesson);
                break;
            }
            case Endpoint::summary_marks: summary_marks(selected(entry), doc, where); break;
            case Endpoint::total_marks: total_marks(selected(entry), doc, where); break;
            case Endpoint::rest_totals: rest_totals(rest_pupil(entry), doc, where); break;
            case Endpoint::homework: homework(selected(entry), doc, where); break;
            case Endpoint::class_info: {
                std::vector<std::string> pupils;
                for (const auto& pupil : array_at(doc, "pupils"))
                    if (auto name = clean_text(text_at(pupil, "fullname")); !name.empty()) pupils.push_back(name);
                emitter_.class_info(selected(entry), clean_text(text_at(doc, "form_master")), pupils);
                break;
            }
            case Endpoint::school_info: {
                std::vector<std::pair<std::string, bool>> staff;
                for (const auto& employee : array_at(doc, "employees")) {
                    auto name = clean_text(text_at(employee, "fullname"));
                    if (name.empty()) continue;
                    std::string duties = text_at(employee, "group");
                    for (const auto& job : array_at(employee, "employer_jobs")) duties += " " + text_of(job);
                    const bool teaches = duties.find("читель") != std::string::npos ||
                                         duties.find("едагог") != std::string::npos;
                    staff.emplace_back(name, teaches);
                }
                emitter_.school_info(selected(entry), clean_text(text_at(doc, "name")), staff);
                break;
            }
            default: break;  // profile and login answers were read in the first pass
        }
    }

    // Newer servers wrap the answer in a list under `wrapper`; older ones return it bare.
    static std::vector<const json*> blocks(const json& doc, std::string_view wrapper) {
        std::vector<const json*> result;
        if (doc.is_object() && doc.contains(wrapper)) {
            const json& wrapped = doc[std::string(wrapper)];
            if (wrapped.is_array())
                for (const auto& block : wrapped) result.push_back(&block);
            else if (wrapped.is_object())
                result.push_back(&wrapped);
        } else {
            result.push_back(&doc);
        }
        return result;
    }

    // Summary marks repeat the diary's: a value the diary gave for that pupil, day and subject is
    // the same mark; only the rest are new.
    void summary_marks(const Pupil& pupil, const json& doc, const std::string& where) {
        std::map<std::string, std::vector<std::string>> unclaimed;
        std::map<std::string, int> ordinals;
        for (const json* block : blocks(doc, "summary_marks_data")) {
            const json& subjects = array_at(*block, "discipline_marks");
            for (std::size_t s = 0; s < subjects.size(); ++s) {
                const std::string discipline = clean_text(text_at(subjects[s], "discipline"));
                if (discipline.empty()) continue;
                const std::string subject = SubjectNames::standard().canonical(discipline);
                const json& marks = array_at(subjects[s], "marks");
                for (std::size_t m = 0; m < marks.size(); ++m) {
                    std::vector<std::string> values = mark_values(text_at(marks[m], "mark"));
                    if (values.empty()) continue;
                    const std::string raw_date = text_at(marks[m], "date");
                    const auto date = iso_date(raw_date);
                    if (!date)
                        throw Error(where + "discipline_marks[" + std::to_string(s) + "].marks[" + std::to_string(m) +
                                    "]: date «" + raw_date + "» is not a date");
                    const std::string day = *date + '\x1f' + subject;
                    auto [slot, fresh] = unclaimed.try_emplace(day);
                    if (fresh)
                        if (const auto* diary = index_.diary_marks_on(pupil.info->id, *date, subject)) slot->second = *diary;
                    std::vector<std::string> only_here;
                    for (auto& value : values) {
                        auto found = std::find(slot->second.begin(), slot->second.end(), value);
                        if (found != slot->second.end()) slot->second.erase(found);
                        else only_here.push_back(std::move(value));
                    }
                    if (only_here.empty()) continue;
                    const std::string type = clean_text(text_at(marks[m], "description"));
                    emitter_.summary_mark(pupil, *date, discipline, type, only_here, ordinals[day + '\x1f' + type]++);
                }
            }
        }
    }

    void total_marks(const Pupil& pupil, const json& doc, const std::string& where) {
        for (const json* block : blocks(doc, "total_marks_data")) {
            std::map<std::string, std::string> names;
            for (const auto& period : array_at(*block, "subperiods"))
                names[text_at(period, "code")] = clean_text(text_at(period, "name"));
            const json& subjects = array_at(*block, "discipline_marks");
            for (std::size_t s = 0; s < subjects.size(); ++s) {
                const std::string discipline = clean_text(text_at(subjects[s], "discipline"));
                if (discipline.empty()) continue;
                const json& marks = array_at(subjects[s], "period_marks");
                for (std::size_t m = 0; m < marks.size(); ++m) {
                    const std::string code = text_at(marks[m], "subperiod_code");
                    emitter_.final_mark(pupil, discipline, code, names[code], text_at(marks[m], "mark"),
                                        where + "discipline_marks[" + std::to_string(s) + "].period_marks[" +
                                            std::to_string(m) + "]: ");
                }
            }
        }
    }

    void rest_totals(const Pupil& pupil, const json& doc, const std::string& where) {
        const json& kinds = array_at(doc, "period_types");
        const json& subjects = object_at(doc, "subjects");
        for (const auto& [discipline, values] : subjects.items()) {
            if (!values.is_array()) continue;
            for (std::size_t i = 0; i < values.size(); ++i) {
                const std::string period = clean_text(text_of(element(kinds, i)));
                emitter_.final_mark(pupil, clean_text(discipline), period, period, text_of(values[i]),
                                    where + "subjects[\"" + discipline + "\"][" + std::to_string(i) + "]: ");
            }
        }
    }

    void homework(const Pupil& pupil, const json& doc, const std::string& where) {
        const json& days = doc.is_array() ? doc : array_at(doc, "days");
        for (std::size_t d = 0; d < days.size(); ++d) {
            const json& list = array_at(days[d], "homeworks");
            for (std::size_t h = 0; h < list.size(); ++h) {
                const std::string text = clean_text(text_at(list[h], "homework"));
                const std::string discipline = clean_text(text_at(list[h], "discipline"));
                if (text.empty() || discipline.empty()) continue;
                std::string raw_date = text_at(list[h], "date");
                if (raw_date.empty()) raw_date = text_at(days[d], "date");
                const auto date = iso_date(raw_date);
                if (!date)
                    throw Error(where + "[" + std::to_string(d) + "].homeworks[" + std::to_string(h) + "]: date «" +
                                raw_date + "» is not a date");
                emitter_.homework(pupil, *date, discipline, text);
            }
        }
    }

    const std::string& name_;
    const CaptureIndex& index_;
    Emitter& emitter_;
    std::size_t with_data_ = 0;
    std::string first_problem_;
};

}  // namespace

void read_capture(const EntryWalk& walk, const std::string& name, const ReadContext& context, Sink& sink) {
    CaptureIndex index;
    std::size_t bars_entries = 0;
    index_capture(walk, name, index, bars_entries);
    if (bars_entries == 0)
        throw Error(name + ": no БАРС «Электронная школа» requests in this capture (no /api/<Service>/<Method> "
                           "or /rest/ journal calls): is it a capture of another platform? (see `jbridge adapters`)");
    std::optional<int> year = context.school_year ? context.school_year : school_year_of(index.first_started());
    if (!year)
        throw Error(name + ": cannot tell the school year: the capture's startedDateTime «" + index.first_started() +
                    "» is not a date; give --school-year YYYY");
    Emitter emitter(sink, context, index, *year);
    emitter.parent_and_children();
    SecondPass pass(name, index, emitter);
    walk([&](const har::Entry& entry) { pass.entry(entry); });
    if (pass.with_data() == 0)
        throw Error(pass.first_problem().empty() ? name + ": no БАРС response in this capture holds data"
                                                 : pass.first_problem() + "; no БАРС response in this capture holds "
                                                   "data (sign in again, then capture again)");
}

}  // namespace jb::bars
