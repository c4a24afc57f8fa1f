#pragma once
#include <span>
#include <string>
#include <string_view>

#include "tools/gen-synthetic/random.hpp"

namespace jb::synth {

// A kind of graded work as a journal names it (type_raw) and as the model classifies it (type).
struct WorkKind {
    std::string_view type_raw;
    std::string_view type;
    double weight;
    bool written;
    bool control;
    std::string_view topic_prefix;  // control kinds: the lesson topic, «… по теме «X»»
};

namespace work_kinds {
extern const WorkKind oral, independent, homework, practical, classwork, control, dictation, standards, test;
}

enum class HomeworkStyle { russian, literature, maths, history, english, physical, paragraph, geography, physics,
                           informatics, chemistry, music };

struct SubjectInfo {
    std::string_view name;
    std::string_view alias;       // a short name for subject_alias, or ""
    int hours_per_week;
    int homework_per_mille;       // share of lessons with homework
    HomeworkStyle homework;
    const WorkKind* control;      // the work that closes a topic
    bool activity;                // routine work is «Работа на уроке» (PE, music)
    bool practical;               // sometimes «Практическая работа»
    bool double_marks;            // control works get two marks (dictation: spelling / task)
    bool split_into_groups;       // taught to the class in two groups
    std::span<const std::string_view> topics;  // the year's course in order
};

// Русский язык, Литература, Математика, История, Английский язык, Физическая культура, Биология,
// География, Физика, Информатика, Химия, Музыка — at most 29 hours a week together.
std::span<const SubjectInfo> subject_catalogue();

// Topics that interrupt the course now and then.
std::span<const std::string_view> generic_topics();
inline constexpr std::string_view kAfterControlTopic = "Работа над ошибками";
// Pupils with a medical exemption are released («осв») from this subject.
inline constexpr std::string_view kPhysicalEducation = "Физическая культура";

// Homework for the `lesson`-th lesson (0-based) of `lessons` in the year, e.g. «§ 12, упр. 5».
std::string homework_text(const SubjectInfo& subject, int lesson, int lessons, Rng& rng);

}  // namespace jb::synth
