/**
 * Why a submitted draft's status cannot change: the status control and "Mark as submitted" both
 * answer it (409). Here so the routes and server/ say the same sentence.
 */
export const SUBMITTED_STATUS_MESSAGE = "This draft was submitted; its status can no longer change.";
