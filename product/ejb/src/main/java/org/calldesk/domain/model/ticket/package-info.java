/**
 * The ticket every connected call gets: its status (open, Pending, Resolved) and its history of
 * changes and comments, each with who and when.
 */
package org.calldesk.domain.model.ticket;
