"""Evidence (หลักฐาน): photos of activities (ภาพกิจกรรม) and attached documents on a project or its reports."""
