import { z } from 'zod';

/** The profile fields a widget init or `updateUser` may carry (S2, S11). */
export const UserProfile = z.strictObject({
  email: z.email().max(254).optional(),
  name: z.string().min(1).max(255).optional(),
  phone: z.string().min(1).max(64).optional(),
  company: z.string().min(1).max(255).optional(),
});
export type UserProfile = z.infer<typeof UserProfile>;

/** `user_id` is opaque, unique per application, up to 255 characters of any kind (S2). */
export const UserId = z.string().min(1).max(255);
