import argon2 from 'argon2';
import { fieldError } from '../../platform/errors.js';

const common = new Set([
  'password', 'password1', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword1', '12345678', '123456789', '1234567890',
  'qwerty123', 'qwertyui', '1qaz2wsx', '1q2w3e4r', 'abc12345', 'abcd1234', 'admin123', 'admin@123', 'aa123456',
  'iloveyou', 'welcome1', 'a1234567', 'woaini1314', 'qq123456', '11111111', '88888888', '66666666', 'zxcvbnm1',
  'Aa123456', 'Admin@123', 'Passw0rd!', 'P@ssw0rd', 'Qwer1234', 'Abc@1234', 'Abcd@1234', 'Huawei@123', 'Gongjian@123',
].map((p) => p.toLowerCase()));

/** 8+ characters from at least 3 of 4 classes, and not a commonly used password. */
export function checkPasswordPolicy(pw: string, field = 'newPassword'): void {
  if (pw.length < 8) throw fieldError(field, '密码至少8位');
  if (pw.length > 128) throw fieldError(field, '密码不能超过128位');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(pw)).length;
  if (classes < 3) throw fieldError(field, '密码须包含大写字母、小写字母、数字、符号中的至少三类');
  if (common.has(pw.toLowerCase())) throw fieldError(field, '该密码过于常见，请换一个');
}

export async function hashPassword(pw: string, memoryCost: number): Promise<string> {
  return argon2.hash(pw, { type: argon2.argon2id, memoryCost, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(hash: string, pw: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, pw);
  } catch {
    return false;
  }
}

/** A generated password that satisfies the policy (demo accounts, new street admins). */
export function generatePassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  const body = Buffer.from(bytes).toString('base64url').replace(/[-_]/g, 'x');
  return `Gj-${body}7a`;
}
