#include "adapters/netschool/netschool_capture.hpp"

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "adapters/netschool/netschool_json.hpp"
#include "adapters/netschool/netschool_steps.hpp"
#include "core/adapter.hpp"
#include "core/error.hpp"
#include "core/school_year.hpp"

namespace jb::netschool {

SchoolFacts school_facts(const CaptureIndex& index, const ReadContext& context, const std::string& name,
                         const ReportHeader* report) {
    SchoolFacts facts;
    facts.name = index.school_name;
    if (facts.name.empty() && report) facts.name = report->school;
    facts.instance = index.host;
    facts.source_id = index.school_source_id;
    facts.year_start = index.year_start;
    facts.year_end = index.year_end;
    facts.year_source_id = index.year_source_id;
    if (facts.name.empty() && facts.instance.empty())
        throw Error(name + ": cannot tell the school: no «Школа:» line in the report and no HAR with the "
                           "school's pages among the inputs");
    std::optional<int> year = context.school_year;
    if (!year && !index.year_start.empty()) year = school_year_of(index.year_start);
    if (!year && report && !report->period_start.empty()) year = school_year_of(report->period_start);
    if (!year && !index.first_started.empty()) year = school_year_of(index.first_started);
    if (!year) throw Error(name + ": cannot tell the school year; give it with --school-year YYYY");
    if (facts.year_start.empty() || school_year_of(facts.year_start) != year) facts.year_start = facts.year_end = "";
    facts.start_year = *year;
    return facts;
}

void emit_dictionaries(const CaptureIndex& index, Emitter& out) {
    for (const auto& [id, name] : index.classes)
        if (!name.empty()) out.class_id(name, id);
    for (const auto& [id, group] : index.groups) {
        auto placed = out.subject_group(group.name, id);
        if (!placed) continue;
        for (const auto& teacher : group.teachers)
            out.teaches(out.teacher(teacher), placed->class_id, placed->group, placed->subject.id);
    }
    for (const auto& [id, term] : index.terms) out.period(term.name, term.start, term.end, id);
    for (const auto& [id, class_name] : index.init_classes)
        if (!index.student_name(id).empty()) out.student(index.student_name(id), id, out.class_id(class_name), std::nullopt);
}

void read_capture(const EntryWalker& walk, const std::string& name, const ReadContext& context, Sink& sink) {
    CaptureIndex index;
    walk([&](const har::Entry& entry) { index_entry(index, entry, name); });
    finish_index(index);
    if (index.netschool_entries == 0)
        throw Error(name + ": no NetSchool requests (…/webapi/…) in this HAR: a capture from another platform? "
                           "(see `jbridge adapters`)");
    Mappings mappings;
    Emitter out(sink, mappings, context.unknowns, school_facts(index, context, name));
    out.year();
    emit_dictionaries(index, out);
    walk([&](const har::Entry& entry) {
        Endpoint endpoint = classify(entry);
        if (!entry.succeeded()) return;
        std::string place = entry_place(name, entry);
        if (endpoint == Endpoint::journal) emit_journal(parse_body(entry.body, place), entry, index, out, place);
        else if (endpoint == Endpoint::diary) emit_diary(parse_body(entry.body, place), entry, index, out, place);
        else if (endpoint == Endpoint::report_file && entry.body_is_html())
            emit_report(parse_report(entry.body, place, entry.charset(), mappings), index, out, place);
    });
}

void read_capture_file(const std::string& path, const ReadContext& context, Sink& sink) {
    read_capture([&](const auto& on_entry) { har::read_entries(path, on_entry); }, path, context, sink);
}

void read_report_page(std::string_view bytes, const std::string& name, const ReadContext& context, Sink& sink) {
    // The HARs of the same import tell the school, the lessons and the pupils' full names.
    CaptureIndex index;
    for (const auto& input : context.inputs) {
        if (input == name) continue;
        InputProbe probe = probe_input(input);
        if (probe.is_directory || !har::looks_like_har(probe.head)) continue;
        har::read_entries(input, [&](const har::Entry& entry) { index_entry(index, entry, input); });
    }
    finish_index(index);
    Mappings mappings;
    Report report = parse_report(bytes, name, "", mappings);
    Emitter out(sink, mappings, context.unknowns, school_facts(index, context, name, &report.header));
    emit_report(report, index, out, name);
}

void read_report_file(const std::string& path, const ReadContext& context, Sink& sink) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": cannot read input");
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    read_report_page(bytes, path, context, sink);
}

}  // namespace jb::netschool
