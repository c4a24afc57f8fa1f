#pragma once

// The run functions of the rules in catalog.cpp, one file per area of docs/rules.md.
namespace jb::validate {

class RuleContext;

void check_mark_symbol(RuleContext& c);
void check_mark_double_subject(RuleContext& c);
void check_mark_first_grade(RuleContext& c);
void check_mark_no_work_type(RuleContext& c);
void check_mark_backdated(RuleContext& c);
void check_mark_written_late(RuleContext& c);
void check_mark_edit_after_final(RuleContext& c);
void check_mark_debt_open(RuleContext& c);

void check_final_symbol(RuleContext& c);
void check_final_na(RuleContext& c);
void check_final_osv(RuleContext& c);
void check_final_missing(RuleContext& c);
void check_final_insufficient_marks(RuleContext& c);
void check_final_unjustified(RuleContext& c);
void check_final_deadline(RuleContext& c);

void check_lesson_topic_missing(RuleContext& c);
void check_lesson_topic_generic(RuleContext& c);
void check_lesson_topic_abbreviated(RuleContext& c);
void check_lesson_topic_language(RuleContext& c);
void check_lesson_double_topic(RuleContext& c);
void check_lesson_substitution(RuleContext& c);
void check_homework_late(RuleContext& c);
void check_journal_stale_week(RuleContext& c);

void check_attendance_code(RuleContext& c);
void check_attendance_no_reason(RuleContext& c);
void check_teacher_name_abbreviated(RuleContext& c);
void check_student_outside_enrolment(RuleContext& c);
void check_plan_hours_mismatch(RuleContext& c);
void check_plan_program_incomplete(RuleContext& c);

void check_integrity_orphan(RuleContext& c);
void check_integrity_duplicate(RuleContext& c);
void check_integrity_date_outside_year(RuleContext& c);
void check_privacy_secret_in_capture(RuleContext& c);

}  // namespace jb::validate
